import { translate, type Dictionary } from '@hallflow/shared/i18n';

/**
 * What the screens and the visitor's phone say when something stands in the
 * way, Chinese first with English beneath (screens show both at once).
 */
const MESSAGES = {
  notPaired: { zh: '此屏幕尚未配对：请在地址中加入 ?device=设备令牌', en: 'This screen is not paired: add ?device=TOKEN to its address' },
  deviceRefused: {
    zh: '此屏幕的链接无效或已被撤销。请管理员在「窗口工作台 › 人员与屏幕」重新配对此屏幕，并在此屏幕上打开新的地址。',
    en: 'This screen’s link is not valid or was revoked. Ask an admin to pair the screen again (Clerk console › Staff & screens) and open the new address on this screen.',
  },
  deviceRevoked: {
    zh: '此屏幕已解除配对。请管理员在「窗口工作台 › 人员与屏幕」重新配对，并打开新的地址。',
    en: 'This screen was unpaired. Ask an admin to pair it again (Clerk console › Staff & screens) and open the new address.',
  },
  ticketRefused: {
    zh: '此取号链接无效或已过期（取号链接仅当天有效）。请向大厅入口或窗口工作人员咨询。',
    en: 'This ticket link is not valid or has expired (links are valid on the day only). Please ask the staff at the entrance or a window.',
  },
  unreachable: { zh: '暂时无法连接服务器，{n} 秒后自动重试…', en: 'Cannot reach the server; trying again in {n} s…' },
  connecting: { zh: '正在连接…', en: 'Connecting…' },
  connectionLost: { zh: '连接中断，正在重连…', en: 'Connection lost, reconnecting…' },
  ruleMask: { zh: '全程佩戴口罩', en: 'Wear a mask at all times' },
  ruleHealthCode: { zh: '出示绿色健康码', en: 'Show a green health code' },
  ruleTemperature: { zh: '体温低于 {t} °C', en: 'Temperature below {t} °C' },
  ruleDistance: { zh: '保持一米以上间距', en: 'Keep at least one metre apart' },
  ruleTemperatureCheck: { zh: '入口测量体温，请配合', en: 'Your temperature is taken at the entrance' },
  levelName: { zh: '防控等级 {level}', en: 'Prevention level: {level}' },
  outdoorFull: { zh: '厅内已满，请稍候', en: 'The hall is full; please wait' },
  outdoorWelcome: { zh: '欢迎入厅办理', en: 'Welcome: please come in' },
  ruleWatchCalls: { zh: '听到叫号请到对应窗口办理', en: 'When your number is called, go to the window shown' },
  divertTitle: { zh: '本厅已满，可前往', en: 'Full here; also offering this service' },
  divertHall: { zh: '{name}：空余 {free} 人，{wait}', en: '{name}: {free} free, {wait}' },
  divertWait: { zh: '约等 {n} 分钟', en: 'about {n} min' },
  divertNoWindow: { zh: '暂无窗口办理', en: 'no window open' },
  laterSlots: { zh: '或扫码预约本厅稍后时段：{slots}', en: 'Or book a later time here: {slots}' },
  noShowRejoin: { zh: '已过号：{n} 分钟内可回到窗口重新排队', en: 'Missed: come back within {n} minutes to rejoin' },
  noShowNoRejoin: { zh: '已过号：请重新取号', en: 'Missed: please take a new ticket' },
} satisfies Dictionary<string>;

export type MessageKey = keyof typeof MESSAGES;

/** A message in one language. */
export function say(key: MessageKey, lang: 'zh' | 'en', params: Record<string, string | number> = {}): string {
  return translate(MESSAGES, lang, key, params);
}

/** A message in both languages, as a screen shows it: "中文 · English". */
export function sayBoth(key: MessageKey, params: Record<string, string | number> = {}): { zh: string; en: string } {
  return { zh: say(key, 'zh', params), en: say(key, 'en', params) };
}
