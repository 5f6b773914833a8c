import { DEFAULT_APPOINTMENT_SETTINGS, DEFAULT_LEVEL_PRESETS, DEFAULT_SCREENING_POLICY, type AppointmentSettings, type LevelPresets, type ScreeningPolicy } from '@hallflow/shared';
import { eq } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { categories, halls, regions, windows } from './schema/index.ts';
import { seedCatalogue } from './seed-catalogue.ts';

export const DEMO_HALL_ID = 'demo';

/** Queues of the demo city hall: prefix, Chinese and English names. */
const DEMO_CATEGORIES = [
  ['A', '商事登记', 'Business registration'],
  ['B', '食品经营许可', 'Food business permits'],
  ['C', '社保医保', 'Social & medical insurance'],
  ['D', '住房公积金', 'Housing provident fund'],
  ['E', '不动产登记', 'Real-estate registration'],
  ['F', '户籍与居住证', 'Household & residence permits'],
  ['G', '一件事联办', '"One thing" bundles'],
] as const;

/**
 * New halls are appointment-only (A12). The demo hall takes walk-ins and late
 * visitors on a free place of a slot open now, so both paths can be tried.
 */
const DEMO_APPOINTMENTS: AppointmentSettings = { ...DEFAULT_APPOINTMENT_SETTINGS, walkIns: 'on_site_if_free', lateArrivals: 'on_site_if_free' };

/** LV1: the demo hall's own 严格 takes walk-ins on a free place too, so switching back to it restores the rules it starts with. */
const DEMO_LEVELS: LevelPresets = { ...DEFAULT_LEVEL_PRESETS, strict: { ...DEFAULT_LEVEL_PRESETS.strict, walkIns: 'on_site_if_free' } };

/** S9: what the demo hall tells a visitor it turns away: its hotline, the nearest fever clinic, its mask point. */
const DEMO_SCREENING: ScreeningPolicy = {
  ...DEFAULT_SCREENING_POLICY,
  nextSteps: {
    healthCode: '请勿进入大厅，拨打12345政务服务便民热线或联系所在社区，按要求进行核酸检测',
    feverClinic: '市第一人民医院发热门诊',
    feverClinicAddress: '人民路88号，出大厅右转约1公里',
    maskPoint: '大厅入口右侧便民服务台',
  },
};

/** Window number → prefixes it serves, most preferred first. */
const DEMO_WINDOWS: Record<number, string[]> = {
  1: ['G', 'A'],
  2: ['A', 'B'],
  3: ['C', 'D', 'A'],
  4: ['C', 'D'],
  5: ['E'],
  6: ['E', 'F'],
  7: ['F', 'C'],
  8: ['B', 'G'],
};

/** Creates the demo hall once; a no-op when it exists. */
export function seedDemoHall(db: Db, now: Date): boolean {
  // IMMEDIATE, with the check inside: two nodes starting together on one file seed it once.
  return db.transaction(
    (tx) => {
      if (tx.select({ id: halls.id }).from(halls).where(eq(halls.id, DEMO_HALL_ID)).get()) return false;
      // CO2: the demo city's tree: 市 → 区 → 街道 → 社区; the demo hall serves the district.
      if (!tx.select({ id: regions.id }).from(regions).where(eq(regions.id, 'demo-city')).get()) {
        tx.insert(regions)
          .values([
            { id: 'demo-city', parentId: null, level: 'city', name: '示范市', nameEn: 'Demo City', sortOrder: 0 },
            { id: 'central', parentId: 'demo-city', level: 'district', name: '中心区', nameEn: 'Central District', sortOrder: 0 },
            { id: 'east-district', parentId: 'demo-city', level: 'district', name: '东城区', nameEn: 'East District', sortOrder: 1 },
            { id: 'renmin', parentId: 'central', level: 'town', name: '人民路街道', nameEn: 'Renmin Road Subdistrict', sortOrder: 0 },
            { id: 'heping', parentId: 'renmin', level: 'community', name: '和平社区', nameEn: 'Heping Community', sortOrder: 0 },
          ])
          .run();
      }
      tx.insert(halls)
        .values({
          id: DEMO_HALL_ID,
          name: '市民服务中心',
          nameEn: 'City Service Hall',
          address: '人民路100号市民中心一楼（地铁2号线市民中心站C口）',
          timezone: 'Asia/Shanghai',
          floorAreaM2: 600,
          areaPerPersonM2: 10,
          maxOccupancy: null,
          staffOnFloor: 6,
          holdingCapacity: 30,
          batchSize: 10,
          settings: { appointments: DEMO_APPOINTMENTS, screening: DEMO_SCREENING, levels: DEMO_LEVELS },
          createdAt: now.toISOString(),
          regionId: 'central',
        })
        .run();
      const idOf = (prefix: string) => `${DEMO_HALL_ID}-${prefix}`;
      DEMO_CATEGORIES.forEach(([prefix, name, nameEn], index) => {
        tx.insert(categories).values({ id: idOf(prefix), hallId: DEMO_HALL_ID, prefix, name, nameEn, sortOrder: index }).run();
      });
      for (const [number, prefixes] of Object.entries(DEMO_WINDOWS)) {
        tx.insert(windows)
          .values({ id: `${DEMO_HALL_ID}-w${number}`, hallId: DEMO_HALL_ID, number: Number(number), categoryIds: prefixes.map(idOf) })
          .run();
      }
      seedCatalogue(tx, DEMO_HALL_ID);
      return true;
    },
    { behavior: 'immediate' },
  );
}
