import type { Bilingual, Lang } from './index.ts';

/**
 * AU2: what each operation a staff member runs is called where people read
 * the audit log, keyed by its stable operationId (the log's `action`). Every
 * state-changing operation staff may run is here, and nothing else: a server
 * test compares the keys with the routes.
 */
export const STAFF_OPERATIONS = {
  // Signing in and out
  login: { zh: '登录', en: 'Sign in' },
  logout: { zh: '退出登录', en: 'Sign out' },
  // The door and the crowd
  checkInAppointment: { zh: '查找预约（入口）', en: 'Look up an appointment at the door' },
  screenVisitor: { zh: '入口查验', en: 'Screen a visitor' },
  recheckParty: { zh: '复检', en: 'Re-check a party' },
  greetVisitor: { zh: '迎宾登记入场', en: 'Count a visitor in' },
  admitBatch: { zh: '放行下一批', en: 'Admit the next batch' },
  recordExit: { zh: '登记离场', en: 'Record an exit' },
  correctOccupancy: { zh: '校正厅内人数', en: 'Correct the occupancy' },
  // Tickets and windows
  issueTicket: { zh: '取号', en: 'Issue a ticket' },
  callNext: { zh: '叫下一号', en: 'Call the next ticket' },
  callTicket: { zh: '指定叫号', en: 'Call a chosen ticket' },
  recallTicket: { zh: '重呼', en: 'Call again' },
  startService: { zh: '开始办理', en: 'Start the service' },
  completeTicket: { zh: '办结', en: 'Complete the service' },
  recordCaseNumber: { zh: '登记办件编号', en: 'Record the case number' },
  markNoShow: { zh: '过号', en: 'Mark a no-show' },
  requeueTicket: { zh: '过号回队', en: 'Return a no-show to the queue' },
  transferTicket: { zh: '转办', en: 'Transfer a ticket' },
  holdTicket: { zh: '挂起号码', en: 'Put a ticket on hold' },
  resumeTicket: { zh: '恢复挂起号码', en: 'Resume a held ticket' },
  openWindow: { zh: '开启窗口', en: 'Open a window' },
  pauseWindow: { zh: '暂停窗口', en: 'Pause a window' },
  resumeWindow: { zh: '恢复窗口服务', en: 'Resume a window' },
  closeWindow: { zh: '关闭窗口', en: 'Close a window' },
  // 好差评 follow-ups
  updateFollowUp: { zh: '处理差评回访', en: 'Work on a follow-up' },
  revealFollowUpContact: { zh: '查看回访联系方式', en: "Reveal a follow-up's contact" },
  updateFollowUpPolicy: { zh: '修改回访规则', en: 'Change the follow-up policy' },
  // The hall's settings
  updateCrowdConfig: { zh: '修改容量与分批', en: 'Change capacity and batches' },
  updateScreeningPolicy: { zh: '修改入口查验规则', en: 'Change the screening policy' },
  updateOpeningHours: { zh: '修改办公时间', en: 'Change the opening hours' },
  updateAppointmentSettings: { zh: '修改预约设置', en: 'Change the appointment settings' },
  updateCallingPolicy: { zh: '修改叫号规则', en: 'Change the calling policy' },
  setPreventionLevel: { zh: '设置防控等级', en: 'Set the prevention level' },
  updatePreventionPresets: { zh: '修改防控等级预设', en: 'Change the prevention presets' },
  createHall: { zh: '新建大厅', en: 'Create a hall' },
  updateHall: { zh: '修改大厅信息', en: 'Change the hall' },
  createRegion: { zh: '新建区域', en: 'Create a region' },
  createCategory: { zh: '新建业务队列', en: 'Create a queue' },
  updateCategory: { zh: '修改业务队列', en: 'Change a queue' },
  createServiceItem: { zh: '新建办理事项', en: 'Create a service item' },
  updateServiceItem: { zh: '修改办理事项', en: 'Change a service item' },
  createBundle: { zh: '新建一件事', en: 'Create a "one thing" bundle' },
  updateBundle: { zh: '修改一件事', en: 'Change a "one thing" bundle' },
  createWindow: { zh: '新建窗口', en: 'Create a window' },
  updateWindow: { zh: '修改窗口', en: 'Change a window' },
  updateWindowCategories: { zh: '修改窗口业务', en: "Change a window's queues" },
  // People and screens
  createStaff: { zh: '新建人员账号', en: 'Create a staff account' },
  disableStaff: { zh: '停用账号', en: 'Disable an account' },
  enableStaff: { zh: '启用账号', en: 'Enable an account' },
  resetStaffPassword: { zh: '重置密码', en: 'Set a new password' },
  createDevice: { zh: '配对屏幕或终端', en: 'Pair a screen or terminal' },
  revokeDevice: { zh: '撤销屏幕或终端', en: 'Revoke a screen or terminal' },
} as const satisfies Record<string, Bilingual>;

/** An action of the audit log in words; an action this catalogue does not know (from an older version) is shown as it is. */
export function operationName(lang: Lang, operationId: string): string {
  return (STAFF_OPERATIONS as Record<string, Bilingual>)[operationId]?.[lang] ?? operationId;
}
