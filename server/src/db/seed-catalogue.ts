import type { Tx } from './connection.ts';
import { bundles, serviceItems } from './schema/index.ts';

const ID_CARD = '本人身份证原件 · ID card';

/** [id suffix, category prefix, name, English name, materials, typical minutes] */
const ITEMS: [string, string, string, string, string[], number][] = [
  ['business-licence', 'A', '营业执照设立登记', 'Business licence', [ID_CARD, '经营场所证明 · Proof of premises', '公司章程 · Articles of association'], 15],
  ['business-change', 'A', '营业执照变更登记', 'Business licence change', [ID_CARD, '营业执照正副本 · Business licence', '变更决议 · Change resolution'], 10],
  ['environmental-review', 'A', '环境影响登记表备案', 'Environmental review filing', [ID_CARD, '环境影响登记表 · Environmental form', '经营场所证明 · Proof of premises'], 10],
  ['food-permit', 'B', '食品经营许可证', 'Food business permit', [ID_CARD, '营业执照 · Business licence', '食品安全管理制度 · Food safety rules', '从业人员健康证明 · Staff health certificates'], 15],
  ['liquor-permit', 'B', '酒类经营许可', 'Liquor permit', [ID_CARD, '营业执照 · Business licence', '经营场所证明 · Proof of premises'], 8],
  ['social-card', 'C', '社会保障卡申领', 'Social security card', [ID_CARD, '近期免冠照片 · Recent photo'], 6],
  ['medical-enrolment', 'C', '城乡居民医保参保登记', 'Medical insurance enrolment', [ID_CARD, '户口簿 · Household register'], 6],
  ['provident-withdrawal', 'D', '住房公积金提取', 'Housing fund withdrawal', [ID_CARD, '购房合同或租房证明 · Purchase or rental proof', '银行卡 · Bank card'], 10],
  ['property-transfer', 'E', '不动产转移登记', 'Real-estate transfer', [ID_CARD, '不动产权证书 · Title certificate', '买卖合同 · Sale contract', '完税证明 · Tax receipt'], 20],
  ['residence-permit', 'F', '居住证办理', 'Residence permit', [ID_CARD, '居住证明 · Proof of residence', '近期免冠照片 · Recent photo'], 8],
  ['birth-registration', 'F', '新生儿户口登记', 'Newborn household registration', [ID_CARD, '出生医学证明 · Birth certificate', '户口簿 · Household register'], 10],
];

/** The demo hall's services and two 一件事 bundles, in Chinese with English names. */
export function seedCatalogue(tx: Tx, hallId: string): void {
  const itemId = (suffix: string) => `${hallId}-${suffix}`;
  for (const [suffix, prefix, name, nameEn, materials, typicalMinutes] of ITEMS) {
    tx.insert(serviceItems).values({ id: itemId(suffix), hallId, categoryId: `${hallId}-${prefix}`, name, nameEn, materials, typicalMinutes }).run();
  }
  tx.insert(bundles)
    .values({
      id: `${hallId}-open-restaurant`,
      hallId,
      name: '开饭店一件事',
      nameEn: 'Open a restaurant',
      itemIds: ['business-licence', 'food-permit', 'liquor-permit', 'environmental-review'].map(itemId),
      mode: 'one_window',
      categoryId: `${hallId}-G`,
      // The city's published figures for opening a restaurant before the reform (CA2): 25 materials, 4 inspections, 16 days, 6 trips.
      before: { materials: 25, steps: 4, days: 16, trips: 6 },
      legalDays: 5,
    })
    .run();
  tx.insert(bundles)
    .values({
      id: `${hallId}-newborn`,
      hallId,
      name: '新生儿出生一件事',
      nameEn: 'A newborn child',
      itemIds: ['birth-registration', 'medical-enrolment', 'social-card'].map(itemId),
      mode: 'routed',
      categoryId: null,
    })
    .run();
}
