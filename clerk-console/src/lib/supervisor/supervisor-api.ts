import { bothLangs } from '../i18n';
import { zonedInstant, type LevelPresets, type AppointmentSettings, type CallingSettings, type CityOverview, type HoursConfig, type RegionLevel, type ScreeningPolicy } from '@hallflow/shared';
import type {
  ApiClient,
  AuditLogResponse,
  CloseWindowResponse,
  CreateDeviceBody,
  CreateHallBody,
  CreateStaffBody,
  DailyReport,
  DeviceTokenResponse,
  DeviceView,
  HallPolicies,
  FourReductionsReport,
  HallReport,
  FollowUpContact,
  FollowUpList,
  FollowUpView,
  UpdateFollowUpBody,
  CreateBundleBody,
  CreateServiceItemBody,
  ServiceBundleView,
  ServiceCatalogue,
  ServiceItemView,
  UpdateBundleBody,
  UpdateServiceItemBody,
  StaffAccount,
  StaffView,
  UpdateCrowdConfigBody,
  WindowsOverview,
  LevelChangeRow,
  SetPreventionLevelBody,
  SetPreventionLevelResponse,
  PreventionLevelState,
} from '@hallflow/shared/api';

/** The `If-Match` header naming a policy's version, when there is one. */
const ifMatch = (version: string | undefined): Record<string, string> | undefined => (version === undefined ? undefined : { 'if-match': `"${version}"` });

/** What the supervisor pages ask of the server for one hall: reports, the policies and their updates. */
export class SupervisorApi {
  constructor(
    private readonly api: ApiClient,
    private readonly hallId: string,
    private readonly token: () => string | null,
  ) {}

  dailyReport(date?: string): Promise<DailyReport> {
    return this.api<DailyReport>('GET', `/api/halls/${this.hallId}/reports/daily${date ? `?date=${date}` : ''}`);
  }

  catalogue(): Promise<ServiceCatalogue> {
    return this.api<ServiceCatalogue>('GET', `/api/halls/${this.hallId}/services?retired=true`);
  }

  createItem(body: CreateServiceItemBody): Promise<ServiceItemView> {
    return this.api<ServiceItemView>('POST', `/api/halls/${this.hallId}/services/items`, body);
  }

  updateItem(itemId: string, body: UpdateServiceItemBody): Promise<ServiceItemView> {
    return this.api<ServiceItemView>('PATCH', `/api/halls/${this.hallId}/services/items/${itemId}`, body);
  }

  createBundle(body: CreateBundleBody): Promise<ServiceBundleView> {
    return this.api<ServiceBundleView>('POST', `/api/halls/${this.hallId}/services/bundles`, body);
  }

  updateBundle(bundleId: string, body: UpdateBundleBody): Promise<ServiceBundleView> {
    return this.api<ServiceBundleView>('PATCH', `/api/halls/${this.hallId}/services/bundles/${bundleId}`, body);
  }

  followUps(filter: '' | 'open' | 'contacted' | 'closed' | 'overdue'): Promise<FollowUpList> {
    const query = filter === '' ? '' : filter === 'overdue' ? '?overdue=true' : `?status=${filter}`;
    return this.api<FollowUpList>('GET', `/api/halls/${this.hallId}/follow-ups${query}`);
  }

  updateFollowUp(id: string, body: UpdateFollowUpBody): Promise<FollowUpView> {
    return this.api<FollowUpView>('PATCH', `/api/halls/${this.hallId}/follow-ups/${id}`, body);
  }

  /** FU4: the visitor's contact details; the server writes each read to the audit log. */
  followUpContact(id: string): Promise<FollowUpContact> {
    return this.api<FollowUpContact>('POST', `/api/halls/${this.hallId}/follow-ups/${id}/contact`);
  }

  /** RP6: this hall, or (city-wide staff) the whole city, over local days from … to. */
  report(scope: 'hall' | 'city', from: string, to: string): Promise<HallReport> {
    return this.api<HallReport>('GET', `/api/reports?${scope === 'hall' ? `hallId=${this.hallId}&` : ''}from=${from}&to=${to}`);
  }

  fourReductions(scope: 'hall' | 'city', from: string, to: string): Promise<FourReductionsReport> {
    return this.api<FourReductionsReport>('GET', `/api/reports/four-reductions?${scope === 'hall' ? `hallId=${this.hallId}&` : ''}from=${from}&to=${to}`);
  }

  /** CA5: rename, reorder or retire a queue. */
  updateCategory(categoryId: string, body: { name?: string; nameEn?: string; sortOrder?: number; retired?: boolean }): Promise<unknown> {
    return this.api('PATCH', `/api/halls/${this.hallId}/categories/${categoryId}`, body);
  }

  /** CA5: take a closed window out of service, or back. */
  setWindowRetired(windowId: string, retired: boolean): Promise<unknown> {
    return this.api('PATCH', `/api/halls/${this.hallId}/windows/${windowId}`, { retired });
  }

  /** LV1, LV7: the hall's level, its presets and the next scheduled change. */
  preventionLevel(): Promise<PreventionLevelState> {
    return this.api<PreventionLevelState>('GET', `/api/halls/${this.hallId}/prevention-level`);
  }

  /** LV4: this hall, a district or the city, now or at a time. */
  setPreventionLevel(body: SetPreventionLevelBody): Promise<SetPreventionLevelResponse> {
    return this.api<SetPreventionLevelResponse>('POST', '/api/prevention-levels', body);
  }

  /** LV4: the changes of this hall (every hall's for city-wide staff), newest first. */
  levelChanges(): Promise<{ changes: LevelChangeRow[] }> {
    return this.api<{ changes: LevelChangeRow[] }>('GET', `/api/prevention-levels/changes?hallId=${this.hallId}`);
  }

  /** LV1: the hall's three presets, naming the version they were edited from (`presetsVersion`), refused with POLICY_CHANGED when another save came in between. */
  updatePresets(presets: LevelPresets, version?: string): Promise<LevelPresets> {
    return this.api<LevelPresets>('PUT', `/api/halls/${this.hallId}/prevention-level/presets`, presets, ifMatch(version));
  }

  /** CO2: the city's region tree (with every hall's live row). */
  cityOverview(): Promise<CityOverview> {
    return this.api<CityOverview>('GET', '/api/city/overview');
  }

  createRegion(body: { id: string; parentId: string | null; level: RegionLevel; name: string; nameEn: string }): Promise<unknown> {
    return this.api('POST', '/api/regions', body);
  }

  /** CA4, CO2: rename this hall, place it in the tree, or retire it. */
  /** The hall's address as visitors see it (the public catalogue). */
  async hallAddress(): Promise<string> {
    return (await this.api<{ hall: { address: string } }>('GET', `/api/halls/${this.hallId}/catalogue`)).hall.address;
  }

  updateHall(body: { name?: string; nameEn?: string; address?: string; regionId?: string | null; retired?: boolean }): Promise<unknown> {
    return this.api('PATCH', `/api/halls/${this.hallId}`, body);
  }

  policies(): Promise<HallPolicies> {
    return this.api<HallPolicies>('GET', `/api/halls/${this.hallId}/policies`);
  }

  // LV1: a policy saved whole names the version it was edited from (`getHallPolicies`' versions); the server refuses it
  // with POLICY_CHANGED when a level switch or another save came in between.
  saveAppointments(settings: AppointmentSettings, version?: string): Promise<AppointmentSettings> {
    return this.api<AppointmentSettings>('PUT', `/api/halls/${this.hallId}/appointment-settings`, settings, ifMatch(version));
  }

  saveScreening(policy: ScreeningPolicy, version?: string): Promise<ScreeningPolicy> {
    return this.api<ScreeningPolicy>('PUT', `/api/halls/${this.hallId}/screening-policy`, policy, ifMatch(version));
  }

  saveHours(hours: HoursConfig, version?: string): Promise<HoursConfig> {
    return this.api<HoursConfig>('PUT', `/api/halls/${this.hallId}/hours`, hours, ifMatch(version));
  }

  saveCrowd(body: UpdateCrowdConfigBody): Promise<unknown> {
    return this.api('PUT', `/api/halls/${this.hallId}/crowd-config`, body);
  }

  saveCalling(policy: CallingSettings, version?: string): Promise<CallingSettings> {
    return this.api<CallingSettings>('PUT', `/api/halls/${this.hallId}/calling-policy`, policy, ifMatch(version));
  }

  /** W4: every window, its clerk, current ticket, queues and screens. */
  windowsOverview(): Promise<WindowsOverview> {
    return this.api<WindowsOverview>('GET', `/api/halls/${this.hallId}/windows-overview`);
  }

  /** W3: close a window its clerk left. */
  closeWindow(windowId: string): Promise<CloseWindowResponse> {
    return this.api<CloseWindowResponse>('POST', `/api/halls/${this.hallId}/windows/${windowId}/close`);
  }

  staff(): Promise<StaffAccount[]> {
    return this.api<StaffAccount[]>('GET', `/api/staff?hallId=${encodeURIComponent(this.hallId)}`);
  }

  createStaff(body: CreateStaffBody): Promise<StaffView> {
    return this.api<StaffView>('POST', '/api/staff', body);
  }

  setStaffEnabled(staffId: string, enabled: boolean): Promise<StaffAccount> {
    return this.api<StaffAccount>('POST', `/api/staff/${staffId}/${enabled ? 'enable' : 'disable'}`);
  }

  resetPassword(staffId: string, password: string): Promise<StaffAccount> {
    return this.api<StaffAccount>('POST', `/api/staff/${staffId}/password`, { password });
  }

  devices(): Promise<DeviceView[]> {
    return this.api<DeviceView[]>('GET', `/api/halls/${this.hallId}/devices`);
  }

  pairDevice(body: CreateDeviceBody): Promise<DeviceTokenResponse> {
    return this.api<DeviceTokenResponse>('POST', `/api/halls/${this.hallId}/devices`, body);
  }

  revokeDevice(deviceId: string): Promise<DeviceView> {
    return this.api<DeviceView>('POST', `/api/halls/${this.hallId}/devices/${deviceId}/revoke`);
  }

  createHall(body: CreateHallBody): Promise<unknown> {
    return this.api('POST', '/api/halls', body);
  }

  addCategory(body: { prefix: string; name: string; nameEn: string }): Promise<unknown> {
    return this.api('POST', `/api/halls/${this.hallId}/categories`, body);
  }

  addWindow(body: { number: number; categoryIds: string[] }): Promise<unknown> {
    return this.api('POST', `/api/halls/${this.hallId}/windows`, body);
  }

  setWindowCategories(windowId: string, categoryIds: string[]): Promise<unknown> {
    return this.api('PUT', `/api/halls/${this.hallId}/windows/${windowId}/categories`, { categoryIds });
  }

  /** AU2: the hall's audit log, newest first; filters as the form sets them, `before` for the next page. */
  auditLog(filters: { staffId?: string; action?: string; from?: string; to?: string; before?: number }): Promise<AuditLogResponse> {
    const query = new URLSearchParams({ hallId: this.hallId, limit: '50' });
    for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') query.set(key, String(value));
    return this.api<AuditLogResponse>('GET', `/api/audit-log?${query.toString()}`);
  }

  /** The hall this page works on: new staff belong to it, new screens are paired to it. */
  get hall(): string {
    return this.hallId;
  }

  /**
   * The entry log of one local day as a CSV file (contact tracing). Fetched
   * with the session's token and handed to the browser as a download, since
   * a plain link cannot carry the bearer token.
   */
  async downloadEntryLog(date: string, timezone: string): Promise<void> {
    const from = zonedInstant(date, '00:00', timezone);
    const to = new Date(from.getTime() + 24 * 3_600_000);
    const response = await fetch(`/api/halls/${this.hallId}/entry-log.csv?from=${from.toISOString()}&to=${to.toISOString()}`, {
      headers: { authorization: `Bearer ${this.token() ?? ''}` },
    });
    if (!response.ok) throw new Error(bothLangs('exportFailed', { status: response.status }));
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: `entry-log-${this.hallId}-${date}.csv` });
    link.click();
    URL.revokeObjectURL(url);
  }
}
