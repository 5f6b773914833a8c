import { translate, type Dictionary, type Lang } from '@hallflow/shared/i18n';

/** Printed slips carry both languages: Chinese large, English under it. */
export const DICTIONARY = {
  ticketTitle: { zh: '排队号票', en: 'Queue ticket' },
  priority: { zh: '绿色通道', en: 'Priority' },
  people: { zh: '{n}人', en: '{n} people' },
  aheadAtIssue: { zh: '取号时前面 {n} 人', en: '{n} ahead when issued' },
  issuedAt: { zh: '取号时间 {time}', en: 'Issued {time}' },
  scanPhone: { zh: '手机扫码查看排队进度', en: 'Scan to follow your place on your phone' },
  keepTicket: { zh: '请留意叫号，过号需重新取号', en: 'Listen for your number; a missed call may need a new ticket' },
  confirmationTitle: { zh: '预约确认单', en: 'Appointment confirmation' },
  code: { zh: '预约码', en: 'Code' },
  date: { zh: '日期', en: 'Date' },
  slot: { zh: '时段', en: 'Time' },
  name: { zh: '预约人', en: 'Name' },
  idMasked: { zh: '证件号', en: 'ID' },
  scanDoor: { zh: '入口处出示此码签到', en: 'Show this code at the door' },
  print: { zh: '打印', en: 'Print' },
  loading: { zh: '正在读取…', en: 'Loading…' },
  notFound: { zh: '未找到该号票或预约，请向工作人员咨询', en: 'No such ticket or appointment: please ask the staff' },
} satisfies Dictionary<string>;

export type PrintKey = keyof typeof DICTIONARY;
export const tp = (lang: Lang, key: PrintKey, params: Record<string, string | number> = {}) => translate(DICTIONARY, lang, key, params);
