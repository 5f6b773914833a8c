import { translate, type Dictionary, type Lang } from '@hallflow/shared/i18n';

const DICTIONARY = {
  title: { zh: '窗口工作台', en: 'Clerk console' },
  signOut: { zh: '退出', en: 'Sign out' },
  chooseWindow: { zh: '选择窗口', en: 'Choose a window' },
  window: { zh: '{n}号窗口', en: 'Window {n}' },
  openWindow: { zh: '开始办理', en: 'Open window' },
  serves: { zh: '办理业务', en: 'Serves' },
  current: { zh: '当前号码', en: 'Current ticket' },
  none: { zh: '—', en: '—' },
  callNext: { zh: '呼叫下一位', en: 'Call next' },
  complete: { zh: '办结', en: 'Complete' },
  recall: { zh: '重呼', en: 'Recall' },
  noShow: { zh: '过号', en: 'No-show' },
  start: { zh: '开始办理', en: 'Start' },
  hold: { zh: '挂起', en: 'Hold' },
  pause: { zh: '暂停服务', en: 'Pause' },
  resumeWindow: { zh: '恢复服务', en: 'Resume' },
  pausedNow: { zh: '暂停服务中', en: 'Paused' },
  transferTo: { zh: '转办到', en: 'Transfer to' },
  transfer: { zh: '转办', en: 'Transfer' },
  calls: { zh: '第{n}次呼叫', en: 'call {n}' },
  held: { zh: '挂起的办件', en: 'On hold' },
  resumeCase: { zh: '继续办理', en: 'Resume' },
  averageHandling: { zh: '平均办理', en: 'Avg. handling' },
  averageRating: { zh: '平均评价', en: 'Avg. rating' },
  waiting: { zh: '等候中', en: 'Waiting' },
  nobodyWaiting: { zh: '暂无等候', en: 'Nobody waiting' },
  nobodyToCall: { zh: '没有等候的号码', en: 'Nobody is waiting for this window' },
  served: { zh: '今日已办', en: 'Served today' },
  live: { zh: '实时', en: 'Live' },
  offline: { zh: '连接中断', en: 'Connection lost' },
  state_waiting: { zh: '等候中', en: 'Waiting' },
  state_called: { zh: '已叫号', en: 'Called' },
  state_serving: { zh: '办理中', en: 'Serving' },
  state_held: { zh: '挂起', en: 'On hold' },
  state_done: { zh: '已办结', en: 'Done' },
  state_no_show: { zh: '过号', en: 'No-show' },
} satisfies Dictionary<string>;

export type MessageKey = keyof typeof DICTIONARY;

export const t = (lang: Lang, key: MessageKey, params: Record<string, string | number> = {}) => translate(DICTIONARY, lang, key, params);
