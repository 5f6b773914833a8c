import type {
  AdmitBatchResponse,
  CheckInBody,
  CheckInResponse,
  CorrectOccupancyBody,
  DiversionResponse,
  GreetVisitorBody,
  GreetVisitorResponse,
  RecheckPartyBody,
  RecheckPartyResponse,
  ScreenVisitorBody,
  ScreenVisitorResponse,
} from '@hallflow/shared/api';
import type { AppointmentSettings, OccupancyView, ScreeningPolicy } from '@hallflow/shared';
import { StaffDesk } from '@hallflow/shared/ui/staff-desk.svelte.ts';

/** The door desk: the staff member's hall, live, and the commands the door gives. */
export class DoorDesk extends StaffDesk {
  constructor() {
    super('hallflow.door');
  }

  screen(body: ScreenVisitorBody): Promise<ScreenVisitorResponse> {
    return this.session.api<ScreenVisitorResponse>('POST', `/api/halls/${this.hallId}/screenings`, body);
  }

  /** LV2: at a level with no checks, count people in and issue a ticket. */
  greet(body: GreetVisitorBody): Promise<GreetVisitorResponse> {
    return this.session.api<GreetVisitorResponse>('POST', `/api/halls/${this.hallId}/door/greetings`, body);
  }

  /** The fever threshold, recheck rule, companions rule and next steps of this hall (S3, S6, S8, S9). */
  screeningPolicy(): Promise<ScreeningPolicy> {
    return this.session.api<ScreeningPolicy>('GET', `/api/halls/${this.hallId}/screening-policy`);
  }

  /** Whether walk-ins and late visitors may take a free place (A12, A13). */
  appointmentSettings(): Promise<AppointmentSettings> {
    return this.session.api<AppointmentSettings>('GET', `/api/halls/${this.hallId}/appointment-settings`);
  }

  lookUp(query: CheckInBody): Promise<CheckInResponse> {
    return this.session.api<CheckInResponse>('POST', `/api/halls/${this.hallId}/check-ins`, query);
  }

  admitBatch(override?: { reason: string }): Promise<AdmitBatchResponse> {
    return this.session.api<AdmitBatchResponse>('POST', `/api/halls/${this.hallId}/batches`, override ? { override } : undefined);
  }

  /** LV10: re-check a party in the holding area for the checks the level added since it was screened. */
  recheck(partyId: string, body: RecheckPartyBody): Promise<RecheckPartyResponse> {
    return this.session.api<RecheckPartyResponse>('POST', `/api/halls/${this.hallId}/parties/${encodeURIComponent(partyId)}/recheck`, body);
  }

  recordExit(body: { code: string } | { onePersonLeft: true }) {
    return this.session.api('POST', `/api/halls/${this.hallId}/exits`, body);
  }

  /** C3: a supervisor sets the count to what they see, with a reason (audited). */
  correctOccupancy(body: CorrectOccupancyBody): Promise<{ occupancy: OccupancyView }> {
    return this.session.api<{ occupancy: OccupancyView }>('POST', `/api/halls/${this.hallId}/occupancy/correction`, body);
  }

  diversion(categoryId: string): Promise<DiversionResponse> {
    return this.session.api<DiversionResponse>('GET', `/api/halls/${this.hallId}/diversion?categoryId=${encodeURIComponent(categoryId)}`);
  }
}
