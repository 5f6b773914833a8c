import { translate, type Dictionary } from '@hallflow/shared/i18n';

/**
 * What the screens and the visitor's phone say, in Chinese and English: a
 * screen shows its chosen language or both (Chinese first, English beneath),
 * the phone its visitor's choice (L16).
 */
export const MESSAGES = {
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
  ruleWatchCalls: { zh: '听到叫号请到对应窗口办理', en: 'When your number is called, go to the window shown' },
  divertTitle: { zh: '本厅已满，可前往', en: 'Full here; also offering this service' },
  divertHall: { zh: '{name}：空余 {free} 人，{wait}', en: '{name}: {free} free, {wait}' },
  divertWait: { zh: '约等 {n} 分钟', en: 'about {n} min' },
  divertNoWindow: { zh: '暂无窗口办理', en: 'no window open' },
  divertOpensAt: { zh: '{time} 起可取号', en: 'tickets from {time}' },
  laterSlots: { zh: '或扫码预约本厅稍后时段：{slots}', en: 'Or book a later time here: {slots}' },
  noShowRejoin: { zh: '已过号：{n} 分钟内可回到窗口重新排队', en: 'Missed: come back within {n} minutes to rejoin' },
  noShowNoRejoin: { zh: '已过号：请重新取号', en: 'Missed: please take a new ticket' },
  // A screen's own settings panel (both languages: whoever installs the screen may read either)
  settings: { zh: '设置', en: 'Settings' },
  settingsTitle: { zh: '屏幕设置', en: 'Screen settings' },
  settingsVoice: { zh: '语音播报', en: 'Voice' },
  settingsVolume: { zh: '音量', en: 'Volume' },
  settingsVoiceLang: { zh: '播报语言', en: 'Voice language' },
  settingsChinese: { zh: '中文', en: 'Chinese' },
  settingsEnglish: { zh: '英文', en: 'English' },
  settingsChineseThenEnglish: { zh: '中文，再英文', en: 'Chinese, then English' },
  settingsDisplayLang: { zh: '显示语言', en: 'Display' },
  settingsAlternating: { zh: '中英交替', en: 'Alternating' },
  settingsBoth: { zh: '中英文', en: 'Chinese and English' },
  settingsLayout: { zh: '方向', en: 'Layout' },
  settingsAuto: { zh: '自动', en: 'Auto' },
  settingsLandscape: { zh: '横屏', en: 'Landscape' },
  settingsPortrait: { zh: '竖屏', en: 'Portrait' },
  settingsTestVoice: { zh: '试播', en: 'Test voice' },
  settingsClose: { zh: '关闭', en: 'Close' },
  // The index page of /display/
  indexTitle: { zh: '大厅显示屏', en: 'Screens' },
  indexIntro: { zh: '打开对应屏幕并带上设备令牌：', en: 'Open a screen with its device token:' },
  indexLobby: { zh: '大厅主屏（竖屏加 {param}）', en: 'Lobby (portrait: {param})' },
  indexWindow: { zh: '窗口屏', en: 'Window screen' },
  indexRating: { zh: '评价器', en: 'Rating pad' },
  indexOutdoor: { zh: '户外入场屏', en: 'Outdoor screen' },
  indexVoice: { zh: '声音与语言：', en: 'Voice and language:' },
  // The lobby (it alternates languages; the line beneath a call says it in the other one)
  lobbyToday: { zh: '今日办公', en: 'Today' },
  lobbyCallBefore: { zh: '请', en: 'Now calling' },
  lobbyCallTo: { zh: '号 到', en: 'to window' },
  lobbyCallAfter: { zh: '号窗口办理', en: 'please' },
  lobbyCallLine: { zh: '请 {number} 号到 {n} 号窗口', en: 'Ticket {number}, window {n}' },
  lobbyWelcome: { zh: '欢迎光临', en: 'Welcome' },
  lobbyWatch: { zh: '请留意叫号', en: 'Please watch for your number' },
  lobbyRecent: { zh: '最近叫号', en: 'Recent calls' },
  lobbyRecentWindow: { zh: '{n} 号窗口', en: 'Window {n}' },
  lobbyWaitingTitle: { zh: '等候情况', en: 'Waiting' },
  lobbyWaitingCount: { zh: '{n} 人', en: '{n} waiting' },
  lobbyWaitNoWindow: { zh: '暂无窗口办理', en: 'No window open' },
  lobbyWaitNone: { zh: '无需等候', en: 'No wait' },
  lobbyWaitAbout: { zh: '约 {n} 分钟', en: 'about {n} min' },
  lobbyInside: { zh: '厅内人数', en: 'Inside' },
  lobbyHolding: { zh: '候场区', en: 'Holding' },
  peopleUnit: { zh: '人', en: 'people' },
  lobbyBatch: { zh: '第 {n} 批已入场 {people} 人', en: 'Batch {n}: {people} in' },
  // The outdoor screen
  outdoorTitle: { zh: '入场公告', en: 'Entry' },
  outdoorBatch: { zh: '第 {n} 批 请以下人员入场', en: 'Batch {n}: please enter' },
  outdoorFull: { zh: '厅内已满，请稍候', en: 'The hall is full; please wait' },
  outdoorWait: { zh: '请在候场区等候分批入场', en: 'Please wait in the holding area; you will enter in batches' },
  outdoorWelcome: { zh: '欢迎入厅办理', en: 'Welcome: please come in' },
  outdoorHolding: { zh: '候场', en: 'Holding' },
  outdoorInside: { zh: '厅内', en: 'Inside' },
  outdoorTimeToEnter: { zh: '预计入场', en: 'Time to enter' },
  outdoorSoon: { zh: '即将', en: 'soon' },
  outdoorAbout: { zh: '约 {n} 分钟', en: 'about {n} min' },
  outdoorRules: { zh: '入场须知', en: 'Entry rules' },
  // The visitor's phone
  phoneWaiting: { zh: '等候叫号', en: 'Waiting' },
  phoneCalled: { zh: '请到窗口办理', en: 'Your turn' },
  phoneServing: { zh: '正在办理', en: 'Being served' },
  phoneHeld: { zh: '办件挂起，请补齐材料后回到窗口', en: 'On hold: bring the missing papers back to the window' },
  phoneDone: { zh: '已办结，感谢您的耐心', en: 'Done, thank you' },
  phoneCalledNotice: { zh: '请 {number} 号到 {n} 号窗口办理', en: 'Number {number}: please go to window {n}' },
  phoneNotFound: { zh: '未找到该号码（可能不是今天的号）', en: 'Ticket not found' },
  phoneSentToWindow: { zh: '已转到 {n} 号窗口，请等候该窗口叫号', en: 'Transferred to window {n}: wait for its call' },
  phoneMovedTo: { zh: '已转到「{name}」，请等候叫号', en: 'Moved to {name}: wait for the call' },
  phoneRateStep: { zh: '{number} · {n}号窗口', en: 'Window {n}' },
  phoneRated: { zh: '感谢您的评价', en: 'Thank you for rating' },
  phoneAheadBefore: { zh: '前面还有', en: 'Ahead of you:' },
  phoneAheadAfter: { zh: '人', en: 'in line' },
  phoneAheadCount: { zh: '前面还有 {n} 人', en: '{n} ahead' },
  phoneNoWindow: { zh: '暂无窗口办理', en: 'No window serving now' },
  phoneWait: { zh: '预计等候约 {n} 分钟', en: 'about {n} min' },
  phoneNotify: { zh: '叫号时提醒我', en: 'Notify me' },
  phoneLanguage: { zh: '语言', en: 'Language' },
  phoneIssuedAt: { zh: '取号时间 {date} {time}', en: 'Taken on {date} at {time}' },
  // Window screens and rating pads
  windowMissing: { zh: '{n} 号窗口不存在', en: 'No window {n}' },
  windowTitle: { zh: '号窗口', en: 'Window' },
  windowNumbered: { zh: '{n} 号窗口', en: 'Window {n}' },
  windowOpen: { zh: '办理中', en: 'Open' },
  windowPaused: { zh: '暂停服务', en: 'Paused' },
  windowClosed: { zh: '暂停办理', en: 'Closed' },
  windowCalledBefore: { zh: '请', en: 'Number' },
  windowCalledAfter: { zh: '号到本窗口办理', en: 'please come to this window' },
  windowServing: { zh: '正在办理', en: 'Now serving' },
  windowWaiting: { zh: '等候叫号', en: 'Waiting for the next call' },
  windowClerk: { zh: '工作人员 {name}', en: 'Clerk: {name}' },
  ratingThanks: { zh: '感谢您的评价', en: 'Thank you for your rating' },
  ratingWelcome: { zh: '{n} 号窗口 · 欢迎办理', en: 'Window {n} · Welcome. You can rate the service when it ends.' },
  ratingAsk: { zh: '请对本次服务进行评价', en: 'Please rate our service' },
  ratingReasons: { zh: '原因', en: 'Reasons' },
  ratingContact: { zh: '留下手机号，便于我们回访整改（选填，仅承办人可见）', en: 'Leave a mobile number for our follow-up (optional; only the supervisor handling it sees it)' },
  ratingContactInvalid: { zh: '手机号应为 11 位数字', en: 'A mobile number has 11 digits' },
  ratingSend: { zh: '提交', en: 'Submit' },
} satisfies Dictionary<string>;

export type MessageKey = keyof typeof MESSAGES;

/** A message in one language. */
export function say(key: MessageKey, lang: 'zh' | 'en', params: Record<string, string | number> = {}): string {
  return translate(MESSAGES, lang, key, params);
}

/** A message in both languages, joined as a screen shows it on one line: "中文 · English". */
export function sayLine(key: MessageKey, params: Record<string, string | number> = {}): string {
  return `${say(key, 'zh', params)} · ${say(key, 'en', params)}`;
}

/** A message in both languages, as a screen shows it: "中文 · English". */
export function sayBoth(key: MessageKey, params: Record<string, string | number> = {}): { zh: string; en: string } {
  return { zh: say(key, 'zh', params), en: say(key, 'en', params) };
}
