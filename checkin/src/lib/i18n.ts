import { translate, type Dictionary, type Lang } from '@hallflow/shared/i18n';

const DICTIONARY = {
  title: { zh: '入口核验', en: 'Door check-in' },
  signOut: { zh: '退出', en: 'Sign out' },
  visitorName: { zh: '姓名', en: 'Name' },
  category: { zh: '办理业务', en: 'Service' },
  partySize: { zh: '人数', en: 'People' },
  person: { zh: '第{n}人', en: 'Person {n}' },
  healthCode: { zh: '健康码', en: 'Health code' },
  green: { zh: '绿码', en: 'Green' },
  yellow: { zh: '黄码', en: 'Yellow' },
  red: { zh: '红码', en: 'Red' },
  temperature: { zh: '体温 °C', en: 'Temperature °C' },
  recheck: { zh: '复测体温 °C', en: 'Recheck °C' },
  walkInsRefused: { zh: '本厅仅接待预约：未预约者请引导扫码预约（/checkin/book）', en: 'Appointments only: help visitors without one to book (/checkin/book)' },
  walkInsOnSite: { zh: '未预约者：有空余名额时现场安排当前时段', en: 'Without an appointment: a free place of a slot open now, if any' },
  feverFrom: { zh: '≥{n} 为发热', en: 'fever from {n}' },
  recheckHint: { zh: '体温偏高：请休息{n}分钟后复测', en: 'High: let them rest {n} min, then measure again' },
  noRecheck: { zh: '本厅不复测，以首次测量为准', en: 'No recheck here: the first reading decides' },
  mask: { zh: '佩戴口罩', en: 'Wearing a mask' },
  maskProvided: { zh: '现场提供口罩', en: 'Mask provided here' },
  fever: { zh: '发热', en: 'Fever' },
  cough: { zh: '咳嗽', en: 'Cough' },
  otherSymptom: { zh: '其他症状', en: 'Other symptoms' },
  submitScreening: { zh: '提交核验', en: 'Submit screening' },
  admit: { zh: '准予入场', en: 'ADMIT' },
  admitDetail: { zh: '请到候场区等候分批入场', en: 'Please wait in the holding area' },
  deny: { zh: '禁止入内', en: 'NO ENTRY' },
  next: { zh: '下一位（Enter）', en: 'Next visitor (Enter)' },
  occupancy: { zh: '厅内人数', en: 'Inside' },
  holding: { zh: '候场区', en: 'Holding area' },
  holdingQueue: { zh: '候场队列', en: 'Holding queue' },
  nobodyHolding: { zh: '候场区暂无人员', en: 'Nobody is waiting' },
  admitBatch: { zh: '放行下一批', en: 'Admit next batch' },
  batchAdmitted: { zh: '第{n}批已放行', en: 'Batch {n} admitted' },
  people: { zh: '{n}人', en: '{n} people' },
  live: { zh: '实时', en: 'Live' },
  offline: { zh: '连接中断', en: 'Connection lost' },
} satisfies Dictionary<string>;

export type MessageKey = keyof typeof DICTIONARY;

export const t = (lang: Lang, key: MessageKey, params: Record<string, string | number> = {}) => translate(DICTIONARY, lang, key, params);
