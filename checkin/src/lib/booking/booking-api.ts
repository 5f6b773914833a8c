import { toMinutes, toTime, type CategoryView } from '@hallflow/shared';
import { createApiClient, type AppointmentView, type ServiceCatalogue, type SlotView } from '@hallflow/shared/api';

/** The public calls the visitor's booking pages make; no sign-in. */
export const api = createApiClient();

export interface OpenDay {
  date: string;
  closed: boolean;
  textZh: string;
}

export interface HallSummary {
  id: string;
  name: string;
  nameEn: string;
}

export const loadHalls = () => api<HallSummary[]>('GET', '/api/halls');

export const loadCatalogue = (hallId: string) => api<{ hall: { name: string }; categories: CategoryView[] }>('GET', `/api/halls/${hallId}/catalogue`);

export const loadServices = (hallId: string) => api<ServiceCatalogue>('GET', `/api/halls/${hallId}/services`);

export const loadOpenDays = async (hallId: string) =>
  (await api<{ days: OpenDay[] }>('GET', `/api/halls/${hallId}/hours`)).days.filter((day) => !day.closed);

export const loadSlots = (hallId: string, categoryId: string, date: string) =>
  api<SlotView[]>('GET', `/api/halls/${hallId}/slots?categoryId=${encodeURIComponent(categoryId)}&date=${date}`);

export const loadAppointment = (code: string) => api<AppointmentView>('GET', `/api/appointments/${encodeURIComponent(code)}`);

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The time to be at the door: ten minutes before the slot (the hall's published rule). */
export const arriveBy = (start: string): string => toTime(toMinutes(start) - 10);
