import type { Bilingual, Lang } from './index.ts';

/**
 * Every refusal a person can meet, by the server's stable error code, in
 * Simplified Chinese and English. `{name}` placeholders are filled from the
 * error's `params`. A test fails when the server or a shared rule uses a code
 * that is missing here (server/test/error-catalogue.test.ts).
 */
export const ERROR_MESSAGES = {
  // Sign-in, access and sessions
  UNAUTHORIZED: { zh: '请先登录（或为本屏幕重新配对）', en: 'Please sign in first (or pair this screen again)' },
  FORBIDDEN: { zh: '您没有权限进行此操作', en: 'You are not allowed to do this' },
  BAD_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  LOGIN_BACKOFF: { zh: '登录失败次数过多，请 {seconds} 秒后再试', en: 'Too many failed sign-ins: try again in {seconds} s' },
  ACCOUNT_OUT_OF_REACH: { zh: '大厅管理员只能管理本厅的非管理员账号', en: "A hall's admin manages only that hall's non-admin accounts" },
  SELF: { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  USERNAME_TAKEN: { zh: '用户名已被使用，请换一个', en: 'That username is taken; choose another' },
  HALL_REQUIRED: { zh: '门岗和窗口人员必须属于一个大厅', en: 'Door and window staff must belong to a hall' },
  // Requests in general
  VALIDATION_ERROR: { zh: '「{field}」填写有误：{rule}', en: '{field}: {rule}' },
  BAD_REQUEST: { zh: '请求有误，请检查后重试', en: 'The request is not valid; check it and try again' },
  NOT_FOUND: { zh: '未找到，请核对后重试', en: 'Not found; check and try again' },
  ROUTE_NOT_FOUND: { zh: '没有这个页面或接口', en: 'There is no such page or operation' },
  RATE_LIMITED: { zh: '操作太频繁，请稍后再试', en: 'Too many requests; try again shortly' },
  REALTIME_RATE_LIMITED: { zh: '此网络的实时连接过于频繁，请稍后再试', en: 'Too many live connections from this network; try again shortly' },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容太大', en: 'What was sent is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '提交的格式不受支持', en: 'That format is not accepted' },
  BUSY: { zh: '系统繁忙，未做任何更改，请重试', en: 'The hall is very busy right now; nothing was changed. Please try again' },
  INTERNAL: { zh: '服务器出错，未做任何更改，请重试', en: 'Something went wrong on the server; nothing was changed. Please try again' },
  NETWORK: { zh: '网络连接失败，请检查网络后重试', en: 'Network error: check the connection and try again' },
  PRIMARY_UNAVAILABLE: { zh: '暂时无法连接大厅服务器，请稍后重试', en: 'The hall server cannot be reached right now; try again shortly' },
  BAD_IDEMPOTENCY_KEY: { zh: '请求编号格式不正确', en: 'The Idempotency-Key header is not valid' },
  IDEMPOTENCY_KEY_REUSED: { zh: '该请求编号已用于另一项操作，请重新操作', en: 'That Idempotency-Key was used for another request; start again' },
  // Halls, queues, windows and the catalogue
  HALL_EXISTS: { zh: '已有同一标识的大厅', en: 'A hall with that id already exists' },
  HALL_CLOSED: { zh: '大厅当前不在办理时间', en: 'The hall is not serving at this time' },
  LAST_TICKET_PASSED: { zh: '今日取号已截止', en: 'No more tickets today: the last ticket time has passed' },
  PREFIX_TAKEN: { zh: '该取号字母已被其他业务使用', en: 'That ticket letter is used by another queue' },
  UNKNOWN_CATEGORY: { zh: '本厅没有这项业务', en: 'This hall has no such service' },
  CATEGORY_RETIRED: { zh: '该业务已停办', en: 'That service is no longer offered' },
  CATEGORY_HAS_ITEMS: { zh: '该业务下还有事项，请先停办或移走', en: 'That queue still has service items: retire or move them first' },
  UNKNOWN_ITEM: { zh: '没有这个事项', en: 'There is no such service item' },
  ITEM_RETIRED: { zh: '该事项已停办', en: 'That service item is no longer offered' },
  ITEM_IN_BUNDLE: { zh: '该事项仍属于在办的一件事（{bundles}），请先调整或停办该一件事', en: 'That item is still part of the bundle {bundles}: change or retire the bundle first' },
  UNKNOWN_BUNDLE: { zh: '没有这个「一件事」', en: 'There is no such bundle' },
  BUNDLE_RETIRED: { zh: '该「一件事」已停办', en: 'That bundle is no longer offered' },
  UNKNOWN_REGION: { zh: '没有这个区域', en: 'There is no such region' },
  REGION_EXISTS: { zh: '已有同一标识的区域', en: 'A region with that id already exists' },
  UNKNOWN_WINDOW: { zh: '本厅没有这个窗口', en: 'This hall has no such window' },
  WINDOW_REQUIRED: { zh: '窗口屏和评价器需选择所属窗口', en: 'A window screen or rating pad needs its window' },
  WINDOW_NUMBER_TAKEN: { zh: '该窗口号已存在', en: 'That window number is taken' },
  WINDOW_RETIRED: { zh: '该窗口已撤销', en: 'That window is retired' },
  WINDOW_IN_USE: { zh: '窗口正在使用中，请先关闭', en: 'The window is in use; close it first' },
  OTHER_HALL: { zh: '只能选择本厅的业务', en: "Only this hall's services can be chosen" },
  // Windows and tickets
  MANUAL_VERIFICATION_NOT_ACCEPTED: { zh: '本厅不接受这种人工核验方式', en: 'This hall does not accept that way of checking by hand' },
  KIOSK_TICKETS_OFF: { zh: '本厅未开放自助取号，请到导办台取号', en: 'This hall does not issue tickets at the terminal; please ask at the information desk' },
  NAME_REQUIRED: { zh: '请填写姓名（仅在大厅自助终端预约时可不填）', en: 'Please give a name (only a booking at the hall\'s self-service terminal may leave it out)' },
  KIOSK_OUTSIDE: { zh: '本机位于大厅外，请经入口核验入场后再取号', en: 'This terminal is outside the hall: please go through the door first, then take a ticket' },
  PRIORITY_REASON_REQUIRED: { zh: '绿色通道须选择原因', en: 'A priority ticket needs its reason' },
  PRIORITY_REASON_NOT_OFFERED: { zh: '本厅未开放此绿色通道原因', en: 'This hall does not offer that priority reason' },
  PRIORITY_REASON_WITHOUT_PRIORITY: { zh: '只有绿色通道号码才需填写原因', en: 'Only a priority ticket takes a reason' },
  WINDOW_STATE: { zh: '窗口状态已变化，请刷新后再试', en: 'The window changed state; try again' },
  WINDOW_BUSY: { zh: '请先办结或转办当前号码', en: 'Finish or transfer the current ticket first' },
  WINDOW_NOT_OPEN: { zh: '窗口未开放或暂停中，请先恢复服务', en: 'The window is not open; resume it first' },
  NOT_YOUR_WINDOW: { zh: '这不是您的窗口；可请值班主任关闭', en: 'This is not your window; a supervisor can close it' },
  NOT_CALLABLE: { zh: '该号码不能在本窗口呼叫（已被叫走、不属本窗口业务或已转其他窗口）', en: 'This ticket cannot be called here (already called, another service, or sent to another window)' },
  NOT_SERVED: { zh: '该窗口不办理所选业务', en: 'That window does not serve this service' },
  TICKET_STATE: { zh: '号码状态已变化，无法执行此操作', en: 'The ticket changed state; this is no longer possible' },
  RECALL_LIMIT: { zh: '重呼次数已满，请按过号处理', en: 'No recalls left: mark it as a no-show' },
  REQUEUE_EXPIRED: { zh: '已超过回队时限，请重新取号', en: 'Too late to rejoin: a new ticket is needed' },
  // The door and the crowd
  HOLDING_FULL: { zh: '候场区已满，请于 {time} 后再来', en: 'The holding area is full; please come back at {time}' },
  HOLDING_FULL_KEPT: { zh: '候场区已满，请于 {time} 后再来，预约保留至 {until}', en: 'The holding area is full; please come back at {time}. The appointment is kept until {until}' },
  // Prevention levels (LV)
  CHECK_REQUIRED: { zh: '当前防控等级要求此项查验：{field}', en: "The hall's prevention level requires this check: {field}" },
  SCREENING_REQUIRED: { zh: '当前防控等级要求入口查验，请使用查验表单', en: 'The prevention level requires checks at the door; use the screening form' },
  BATCH_ADMISSION: { zh: '当前已分批入场，请选择办理事项并到候场区等候', en: 'The hall admits in batches now; choose a service and wait in the holding area' },
  RECHECK_NOT_NEEDED: { zh: '该组来访者无需复检', en: 'This party needs no re-check' },
  LEVEL_WRONG_HALL: { zh: '只能设置本厅的防控等级', en: 'You may set the level of your own hall only' },
  CITY_ADMIN_ONLY: { zh: '只有全市管理员可以设置区或全市的防控等级', en: 'Only a city-wide admin sets the level of a district or the city' },
  POLICY_CHANGED: { zh: '此项设置刚被更改（防控等级切换或他人保存），请再保存一次', en: 'These settings just changed (a level switch or someone else’s save); save again' },
  NO_HALLS: { zh: '该区域没有正在办公的大厅', en: 'No hall is open in that region' },
  HALL_EMPTY: { zh: '厅内已无人员，无需减少', en: 'Nobody is counted inside' },
  NOT_INSIDE: { zh: '该访客不在厅内（已离场或未入场）', en: 'That visitor is not inside (already left, or never admitted)' },
  APPOINTMENT_REQUIRED: { zh: '本厅实行预约办理，请先预约', en: 'This hall serves visitors with an appointment only; please book first' },
  ALREADY_CHECKED_IN: { zh: '该预约已于 {time} 签到入场，不能重复使用', en: 'This appointment already checked in at {time}; it cannot be used again' },
  TOO_EARLY: { zh: '来早了，请于 {time} 后再来', en: 'Too early: please come back at {time}' },
  TOO_LATE: { zh: '已超过时限', en: 'Too late' },
  NO_PLACE_NOW: { zh: '现场名额已满，下一个有空位的时段为 {slot}，请于 {time} 后再来', en: 'No place free now: the next free time is {slot}; please come back at {time}' },
  NO_PLACE_TODAY: { zh: '今日已无空位，请预约其他日期', en: 'No free places left today; please book another day' },
  // Appointments
  SLOT_FULL: { zh: '该时段已约满，请选择其他时段', en: 'That time is fully booked; choose another' },
  SAME_SLOT: { zh: '已是当前预约时段', en: 'That is already the booked time' },
  DAILY_LIMIT: { zh: '该证件当天预约已达上限', en: 'This ID already has as many appointments that day as allowed' },
  CANCELLED: { zh: '该预约已取消', en: 'That appointment was cancelled' },
  NOT_CANCELLABLE: { zh: '该预约已使用或已取消，不能再取消', en: 'That appointment is used or cancelled and cannot be cancelled' },
  NOT_RESCHEDULABLE: { zh: '该预约已使用或已取消，不能改约', en: 'That appointment is used or cancelled and cannot be moved' },
  // 好差评 and follow-up
  NOT_DONE: { zh: '办结后才能评价', en: 'Only a completed service can be rated' },
  ALREADY_RATED: { zh: '该业务已评价', en: 'This service has already been rated' },
  REASONS_REQUIRED: { zh: '请选择不满意的原因', en: 'Choose at least one reason for a low rating' },
  WRONG_WINDOW: { zh: '该窗口未办理此业务', en: 'This window did not serve this ticket' },
  NOT_ASSIGNEE: { zh: '只有负责该回访的主管可以处理', en: 'Only the supervisor handling this case may do this' },
  NOT_CONTACTED: { zh: '请先记录回访情况', en: 'Record the contact with the visitor first' },
  NO_FINDING: { zh: '请先记录核查结论（是否属实）', en: 'Record the finding (justified or not) first' },
  NO_RECTIFICATION: { zh: '差评属实，须先记录整改措施', en: 'A justified complaint needs its rectification before it can close' },
  FOLLOW_UP_CLOSED: { zh: '该回访已办结', en: 'That follow-up case is closed' },
} as const satisfies Record<string, Bilingual>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** What a refused field is called, for VALIDATION_ERROR (`{field}`). Unknown fields keep their own name. */
export const FIELD_LABELS: Record<string, Bilingual> = {
  name: { zh: '姓名', en: 'Name' },
  mobile: { zh: '手机号', en: 'Mobile number' },
  mobileLast4: { zh: '手机后四位', en: 'Last four digits of the mobile' },
  idNumber: { zh: '证件号码', en: 'ID number' },
  code: { zh: '预约码', en: 'Appointment code' },
  appointmentCode: { zh: '预约码', en: 'Appointment code' },
  date: { zh: '日期', en: 'Date' },
  slot: { zh: '时段', en: 'Time' },
  partySize: { zh: '同行人数', en: 'Party size' },
  categoryId: { zh: '业务', en: 'Service' },
  itemId: { zh: '事项', en: 'Service item' },
  bundleId: { zh: '一件事', en: 'Bundle' },
  temperature: { zh: '体温', en: 'Temperature' },
  temperatureRecheck: { zh: '复测体温', en: 'Second reading' },
  healthCode: { zh: '健康码', en: 'Health code' },
  mask: { zh: '口罩', en: 'Mask' },
  people: { zh: '同行人员', en: 'People' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  displayName: { zh: '显示名称', en: 'Display name' },
  reason: { zh: '原因', en: 'Reason' },
  reasons: { zh: '原因', en: 'Reasons' },
  level: { zh: '评价', en: 'Rating' },
  inside: { zh: '厅内人数', en: 'People inside' },
  prefix: { zh: '取号字母', en: 'Ticket letter' },
  number: { zh: '窗口号', en: 'Window number' },
  windowId: { zh: '窗口', en: 'Window' },
  from: { zh: '起始日期', en: 'From' },
  to: { zh: '截止日期', en: 'To' },
};

/** What was wrong with a refused field, by the validator's keyword (`{rule}`). */
const RULES: Record<string, Bilingual> = {
  required: { zh: '必填', en: 'is required' },
  type: { zh: '类型不正确', en: 'has the wrong type' },
  format: { zh: '格式不正确', en: 'is not in the right format' },
  pattern: { zh: '格式不正确', en: 'is not in the right format' },
  minLength: { zh: '太短', en: 'is too short' },
  maxLength: { zh: '太长（最多 {limit} 个字）', en: 'is too long (at most {limit} characters)' },
  minimum: { zh: '不能小于 {limit}', en: 'must be at least {limit}' },
  maximum: { zh: '不能大于 {limit}', en: 'must be at most {limit}' },
  enum: { zh: '不是可选的值', en: 'is not one of the choices' },
  additionalProperties: { zh: '不是可填写的项', en: 'is not a known field' },
  finite: { zh: '必须是有效数字', en: 'must be a real number' },
  minItems: { zh: '太少', en: 'has too few entries' },
  maxItems: { zh: '太多', en: 'has too many entries' },
  invalid: { zh: '不正确', en: 'is not valid' },
  /** A rule of the hall's own (a slot in the past, a range backwards…): its words come with the refusal, in both languages. */
  detail: { zh: '{detail}', en: '{detail}' },
};

/** `{name}` from the params; a parameter given per language (`name_zh`, `name_en`) wins in that language. */
function fill(template: string, params: Record<string, string | number>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[`${name}_${lang}`] ?? params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The refusal as a person reads it, in `lang`: the catalogue's text for the
 * code, with its parameters; for a field, its name and what was wrong. An
 * unknown code falls back to the server's own message.
 */
export function errorMessage(lang: Lang, code: string, params: Record<string, string | number> = {}, fallback = ''): string {
  if (code === 'VALIDATION_ERROR' && typeof params.field === 'string') {
    const field = FIELD_LABELS[params.field]?.[lang] ?? params.field;
    const rule = fill((RULES[String(params.rule)] ?? RULES.invalid!)[lang], params, lang);
    return fill(ERROR_MESSAGES.VALIDATION_ERROR[lang], { field, rule }, lang);
  }
  const entry = (ERROR_MESSAGES as Record<string, Bilingual>)[code];
  return entry ? fill(entry[lang], params, lang) : fallback || ERROR_MESSAGES.BAD_REQUEST[lang];
}

/**
 * A field refused by one of the hall's own rules, not by the schema
 * (`path` like "body/itemIds"): the message for logs and API users, and the
 * params by which the apps say it in the reader's language.
 */
export function fieldRefusal(path: string, detail: Bilingual): { message: string; params: Record<string, string> } {
  const field = path.split('/').filter((part) => part && !/^\d+$/.test(part)).at(-1) ?? path;
  return { message: `${path} ${detail.zh} · ${detail.en}`, params: { field, rule: 'detail', detail_zh: detail.zh, detail_en: detail.en } };
}
