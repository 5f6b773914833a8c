import type { PublicHallState } from '@hallflow/shared';
import { ApiError, createApiClient, type ApiClient, type ServiceCatalogue } from '@hallflow/shared/api';
import { connectHall, HallSync, type ConnectionStatus } from '@hallflow/shared/realtime';
import { loadCatalogue, loadOpenDays, type CatalogueHall, type OpenDay } from '../booking/booking-api';
import { followLevel, type LevelShown } from '../booking/live-level';

interface DeviceRecord {
  hallId: string;
  kind: string;
  inside: boolean;
}

const STORAGE_KEY = 'hallflow.kiosk.device';
const RETRY_MS = 10_000;

/**
 * KS1: a self-service terminal is a paired device (`?device=` once, then kept
 * on the terminal). It reads its hall's public state live, like a screen
 * (KS4), and calls the API with its own token, which lets it do only what a
 * visitor may. Nothing here holds a visitor's data.
 */
export class KioskTerminal {
  readonly token: string;
  readonly api: ApiClient;
  hall = $state.raw<CatalogueHall | null>(null);
  live = $state.raw<PublicHallState | null>(null);
  services = $state.raw<ServiceCatalogue>({ items: [], bundles: [] });
  days = $state.raw<OpenDay[]>([]);
  inside = $state(false);
  status = $state<ConnectionStatus>('connecting');
  /** LV8, LV13: the level in force and its rules, from the live stream (over HTTP only while it is down). */
  level = $state.raw<LevelShown | null>(null);
  /** Set when the terminal's token is refused (unknown, revoked, not a terminal): an admin pairs it again. */
  refused = $state(false);

  constructor(search: URLSearchParams, storage: Storage) {
    const fromUrl = search.get('device');
    if (fromUrl) storage.setItem(STORAGE_KEY, fromUrl);
    this.token = fromUrl ?? storage.getItem(STORAGE_KEY) ?? '';
    this.api = createApiClient({ token: () => this.token });
  }

  /** KS4: services may be taken here only where the hall allows it and the terminal stands inside (KS5). */
  get ticketsHere(): boolean {
    return this.inside && this.live?.hall.calling?.kioskTickets === true;
  }

  async start(): Promise<void> {
    try {
      const device = await this.api<DeviceRecord>('GET', '/api/devices/me');
      if (device.kind !== 'kiosk') throw new ApiError(403, 'FORBIDDEN', 'not a terminal');
      this.inside = device.inside;
      const [catalogue, services, days] = await Promise.all([loadCatalogue(device.hallId), this.api<ServiceCatalogue>('GET', `/api/halls/${device.hallId}/services`), loadOpenDays(device.hallId)]);
      this.hall = catalogue.hall;
      this.services = services;
      this.days = days;
      const socket = connectHall({ credential: 'device', token: this.token });
      const sync = new HallSync(socket, device.hallId, 'public');
      sync.subscribe({
        state: (state) => (this.live = state),
        status: (status) => {
          this.status = status;
          if (status === 'revoked') this.refused = true;
        },
      });
      followLevel(device.hallId, (shown) => (this.level = shown), sync);
    } catch (error) {
      if (error instanceof ApiError && [400, 401, 403, 404].includes(error.status)) this.refused = true;
      else setTimeout(() => void this.start(), RETRY_MS);
    }
  }
}
