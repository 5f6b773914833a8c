import type { WindowView } from '@hallflow/shared';
import { ApiError, type CallResponse, type CloseWindowResponse, type FinishedTicketsPage, type IssueTicketBody, type ServiceCatalogue, type TicketItems, type TicketMoveResponse, type TicketResponse, type TransferBody, type WindowResponse } from '@hallflow/shared/api';
import { StaffDesk } from '@hallflow/shared/ui/staff-desk.svelte.ts';
import { SupervisorApi } from './supervisor/supervisor-api';


/** A clerk at a window: the window they took, and the window's commands. */
export class ClerkDesk extends StaffDesk {
  #windowId = $state<string | null>(sessionStorage.getItem('hallflow.clerk.window'));

  readonly window: WindowView | null = $derived(this.hall?.windows.find((w) => w.id === this.#windowId) ?? null);
  readonly currentTicket = $derived(
    this.window?.currentTicketId ? (this.hall?.tickets.find((t) => t.id === this.window?.currentTicketId) ?? null) : null,
  );

  /** W1: a ticket is called or being served here, so the window cannot call another. */
  readonly busy = $derived(this.currentTicket !== null && (this.currentTicket.state === 'called' || this.currentTicket.state === 'serving'));

  constructor() {
    super('hallflow.clerk');
  }

  /** Supervisors and admins also read reports and set the hall's policies here. */
  get isSupervisor(): boolean {
    return this.staff?.role === 'supervisor' || this.staff?.role === 'admin';
  }

  supervisorApi(): SupervisorApi {
    return new SupervisorApi(this.session.api, this.hallId, () => this.session.token);
  }

  /** W3: signing out closes the window first, so screens stop showing this clerk and a called visitor goes back to the queue. */
  override async signOut(): Promise<void> {
    if (this.window && this.window.state !== 'closed' && this.window.clerkName === this.staff?.displayName) {
      try {
        await this.closeWindow();
      } catch (error) {
        // Already closed (by a supervisor) or the session ended: signing out goes on.
        if (!(error instanceof ApiError)) throw error;
      }
    }
    await super.signOut();
    this.#leaveWindow();
  }

  #leaveWindow(): void {
    this.#windowId = null;
    sessionStorage.removeItem('hallflow.clerk.window');
  }

  /** W3: the clerk closes their window; the console goes back to choosing one. */
  async closeWindow(): Promise<CloseWindowResponse> {
    const closed = await this.session.api<CloseWindowResponse>('POST', `/api/halls/${this.hallId}/windows/${this.#windowId}/close`);
    this.#leaveWindow();
    return closed;
  }

  async openWindow(windowId: string): Promise<void> {
    await this.session.api<WindowResponse>('POST', `/api/halls/${this.hallId}/windows/${windowId}/open`);
    this.#windowId = windowId;
    sessionStorage.setItem('hallflow.clerk.window', windowId);
  }

  callNext(): Promise<CallResponse> {
    return this.session.api<CallResponse>('POST', `/api/halls/${this.hallId}/windows/${this.#windowId}/call-next`);
  }

  /** Q7: call one particular waiting ticket, chosen in the waiting list. */
  callTicket(ticketId: string): Promise<CallResponse> {
    return this.session.api<CallResponse>('POST', `/api/halls/${this.hallId}/windows/${this.#windowId}/call`, { ticketId });
  }

  /** A ticket command without a body: recall, start, complete, no-show, hold, resume, requeue (T5). */
  ticketCommand(ticketId: string, verb: 'recall' | 'start' | 'complete' | 'no-show' | 'hold' | 'resume' | 'requeue'): Promise<TicketMoveResponse> {
    return this.session.api<TicketMoveResponse>('POST', `/api/halls/${this.hallId}/tickets/${ticketId}/${verb}`);
  }

  transfer(ticketId: string, target: TransferBody): Promise<TicketMoveResponse> {
    return this.session.api<TicketMoveResponse>('POST', `/api/halls/${this.hallId}/tickets/${ticketId}/transfer`, target);
  }

  /** FR1: the case number (办件编号) of the application this visit belongs to. */
  recordCaseNumber(ticketId: string, caseNumber: string) {
    return this.session.api('PUT', `/api/halls/${this.hallId}/tickets/${ticketId}/case-number`, { caseNumber });
  }

  ticketItems(ticketId: string) {
    return this.session.api<TicketItems>(
      'GET',
      `/api/halls/${this.hallId}/tickets/${ticketId}/items`,
    );
  }

  windowStats() {
    return this.session.api<{ served: number; averageHandlingMinutes: number | null; averageRating: number | null }>(
      'GET',
      `/api/halls/${this.hallId}/windows/${this.#windowId}/stats`,
    );
  }

  /** R9: this window's finished tickets of today, a page at a time, latest first. */
  finishedHere(before: string | null): Promise<FinishedTicketsPage> {
    const page = before ? `&before=${encodeURIComponent(before)}` : '';
    return this.session.api<FinishedTicketsPage>('GET', `/api/halls/${this.hallId}/tickets/finished?windowId=${encodeURIComponent(this.#windowId ?? '')}&limit=20${page}`);
  }

  /** DK1: the information desk issues a ticket to a visitor already inside. */
  issueTicket(body: IssueTicketBody): Promise<TicketResponse> {
    return this.session.api<TicketResponse>('POST', `/api/halls/${this.hallId}/tickets`, body);
  }

  /** The items (事项) and 一件事 bundles on offer, for the desk's choice of service. */
  serviceCatalogue(): Promise<ServiceCatalogue> {
    return this.session.api<ServiceCatalogue>('GET', `/api/halls/${this.hallId}/services`);
  }

  /** Pause for a break, or resume. */
  setPaused(paused: boolean): Promise<WindowResponse> {
    return this.session.api<WindowResponse>('POST', `/api/halls/${this.hallId}/windows/${this.#windowId}/${paused ? 'pause' : 'resume'}`);
  }
}
