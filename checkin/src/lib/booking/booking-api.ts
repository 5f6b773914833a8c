import type { AppointmentSettings, CategoryView, EntryRules, IdDocumentKind } from '@hallflow/shared';
import { createApiClient, type PreventionLevelState, type AppointmentView, type FindAppointmentResponse, type ServiceCatalogue, type SlotView } from '@hallflow/shared/api';

/** The public calls the visitor's booking pages make; no sign-in. */
export const api = createApiClient();

export interface OpenDay {
  date: string;
  closed: boolean;
  textZh: string;
  textEn: string;
}

export interface HallSummary {
  id: string;
  name: string;
  nameEn: string;
  address: string;
}

/** The hall as the booking page shows it: names, address, time zone, and what the door asks of visitors (S11). */
export interface CatalogueHall extends HallSummary {
  timezone: string;
  entryRules: EntryRules;
}

/** LV8: the prevention level and its rules, now or on a visit's date. */
export const loadLevel = (hallId: string, date?: string) =>
  api<PreventionLevelState>('GET', `/api/halls/${encodeURIComponent(hallId)}/prevention-level${date ? `?date=${date}` : ''}`);

export const loadHalls = () => api<HallSummary[]>('GET', '/api/halls');

export const loadCatalogue = (hallId: string) => api<{ hall: CatalogueHall; categories: CategoryView[] }>('GET', `/api/halls/${encodeURIComponent(hallId)}/catalogue`);

export const loadServices = (hallId: string) => api<ServiceCatalogue>('GET', `/api/halls/${encodeURIComponent(hallId)}/services`);

/** A3, A11: the hall's arrival window and slot length, for the confirmation. */
export const loadAppointmentSettings = (hallId: string) => api<AppointmentSettings>('GET', `/api/halls/${encodeURIComponent(hallId)}/appointment-settings`);

export const loadOpenDays = async (hallId: string) =>
  (await api<{ days: OpenDay[] }>('GET', `/api/halls/${encodeURIComponent(hallId)}/hours`)).days.filter((day) => !day.closed);

export const loadSlots = (hallId: string, categoryId: string, date: string) =>
  api<SlotView[]>('GET', `/api/halls/${encodeURIComponent(hallId)}/slots?categoryId=${encodeURIComponent(categoryId)}&date=${date}`);

export const loadAppointment = (code: string) => api<AppointmentView>('GET', `/api/appointments/${encodeURIComponent(code)}`);

/** A22: the visitor's own coming appointments, by the full ID number and mobile (sent in the body, never in the address). */
export const findAppointments = (idNumber: string, mobile: string, idType: IdDocumentKind = 'resident') =>
  api<FindAppointmentResponse>('POST', '/api/appointments/find', { idType, idNumber: idNumber.trim(), mobile: mobile.trim() }).then((found) => found.appointments);

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
