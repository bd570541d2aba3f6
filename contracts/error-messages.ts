import type { ErrorCode, FieldErrorCode } from './errors.js';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

type Catalog<K extends string> = Record<K, Record<Locale, string>>;

/** One sentence per error code, in both languages. Shared by the server's responses and the web. */
export const errorMessages: Catalog<ErrorCode> = {
  VALIDATION_FAILED: { 'zh-CN': '提交的内容有误，请检查标出的字段。', 'en-US': 'Some fields are not valid; check the ones marked.' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录。', 'en-US': 'Please sign in first.' },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限。', 'en-US': 'You are not allowed to do this.' },
  NOT_FOUND: { 'zh-CN': '找不到该内容。', 'en-US': 'Not found.' },
  CONFLICT: { 'zh-CN': '该内容已被他人修改，请刷新后重试。', 'en-US': 'Someone else changed this; reload and try again.' },
  DUPLICATE_USCC: {
    'zh-CN': '本枢纽已登记使用该统一社会信用代码的机构。',
    'en-US': 'An organisation with this Unified Social Credit Code is already registered in this hub.',
  },
  ALREADY_MEMBER: { 'zh-CN': '该用户已是此机构成员。', 'en-US': 'This person is already a member of the organisation.' },
  USER_NOT_FOUND: { 'zh-CN': '没有使用该邮箱的账户。', 'en-US': 'No account uses this email address.' },
  IDEMPOTENCY_KEY_REUSED: { 'zh-CN': '该幂等键已用于另一个不同的请求。', 'en-US': 'This Idempotency-Key was already used for a different request.' },
  IDEMPOTENCY_KEY_IN_FLIGHT: {
    'zh-CN': '使用该幂等键的请求仍在处理中，请稍后重试。',
    'en-US': 'A request with this Idempotency-Key is still being processed; retry shortly.',
  },
  CSRF_REJECTED: { 'zh-CN': '请求来源不受信任，已被拒绝。', 'en-US': 'The request came from an untrusted origin and was refused.' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试。', 'en-US': 'Too many requests; try again later.' },
  PASSWORD_REJECTED: { 'zh-CN': '密码不符合要求。', 'en-US': 'The password does not meet the rules.' },
  BUDGET_EXHAUSTED: { 'zh-CN': '预算不足：此操作会使预算超支，未做任何更改。', 'en-US': 'Not enough budget: this would overspend, so nothing was changed.' },
  TRANSFER_ID_REUSED: { 'zh-CN': '该转账编号已用于另一笔不同的转账。', 'en-US': 'This transfer id was already used for a different transfer.' },
  COMMITMENT_EXCEEDED: { 'zh-CN': '拨付金额超过了承诺的剩余金额。', 'en-US': 'This disbursement is more than what remains of the commitment.' },
  COMMITMENT_RELEASED: { 'zh-CN': '该承诺已释放，不能再拨付。', 'en-US': 'This commitment was released; nothing more can be disbursed.' },
  CLAWBACK_EXCEEDS_PAID: { 'zh-CN': '追回金额超过了已支付金额。', 'en-US': 'The claw-back is more than was paid.' },
  FISCAL_YEAR_CLOSED: { 'zh-CN': '该财年已关闭。', 'en-US': 'This fiscal year is closed.' },
  FISCAL_YEAR_EXISTS: { 'zh-CN': '该财年已开启。', 'en-US': 'This fiscal year is already open.' },
  LINE_EXISTS: { 'zh-CN': '该预算科目代码已存在。', 'en-US': 'A budget line with this code already exists.' },
  OUTSIDE_WINDOW: { 'zh-CN': '现在不在该项目的申请时间内。', 'en-US': 'This program is not taking applications at this time.' },
  PROGRAM_NOT_OPEN: { 'zh-CN': '该项目尚未发布或已关闭。', 'en-US': 'This program is not published, or it is closed.' },
  ALREADY_APPLIED: {
    'zh-CN': '该项目每位申请人只能申请一次，您已申请过。',
    'en-US': 'This program takes one application per applicant, and you have one already.',
  },
  ILLEGAL_TRANSITION: { 'zh-CN': '该申请当前的状态不允许此操作。', 'en-US': 'The application is not in a state that allows this.' },
  OWN_APPLICATION: { 'zh-CN': '不能评审或决定与自己有关的申请。', 'en-US': 'You cannot review or decide an application of your own.' },
  SAME_APPROVER: { 'zh-CN': '第二审批人必须是另一位人员。', 'en-US': 'The second approval must come from a different person.' },
  REVIEWS_PENDING: { 'zh-CN': '还有评审人未提交评分。', 'en-US': 'Some reviewers have not submitted their scores yet.' },
  NOT_ENOUGH_REVIEWERS: { 'zh-CN': '没有足够的无利益冲突的评审人。', 'en-US': 'There are not enough reviewers free of conflicts.' },
  NOTHING_TO_AWARD: { 'zh-CN': '按项目规则，此申请的资助金额为零。', 'en-US': 'Under the program’s rules this application would be awarded nothing.' },
  NOTICE_PENDING: {
    'zh-CN': '该资助仍在公示期内或有未处理的异议，公示结束且异议处理完毕后方可支付。',
    'en-US': 'This award is still on public notice or has an objection open; it is paid once the notice ends and every objection is resolved.',
  },
  NOTICE_ENDED: { 'zh-CN': '公示期已结束，不再受理异议。', 'en-US': 'The notice period has ended; objections are no longer taken.' },
  OBJECTION_RESOLVED: { 'zh-CN': '该异议已处理。', 'en-US': 'This objection has already been resolved.' },
  TRANCHE_SETTLED: { 'zh-CN': '该笔款项已支付或已取消。', 'en-US': 'This tranche is already paid or cancelled.' },
  NOT_ELIGIBLE: { 'zh-CN': '不符合条件：请查看原因。', 'en-US': 'Not eligible: see the reasons.' },
  STAY_LIMIT_REACHED: {
    'zh-CN': '超出入住晚数上限（每次或每人），未做任何更改。',
    'en-US': 'More nights than the rules allow (per stay or per person); nothing was changed.',
  },
  NO_AVAILABILITY: { 'zh-CN': '这些日期已无空床，可以加入候补名单。', 'en-US': 'No bed is free for these dates; you can join the waitlist.' },
  ALREADY_BOOKED: { 'zh-CN': '您在这些日期已有一个预订。', 'en-US': 'You already have a booking on these dates.' },
  STATION_CLOSED: { 'zh-CN': '驿站在这些日期不开放。', 'en-US': 'The station is closed on some of these dates.' },
  BOOKING_NOT_ACTIVE: { 'zh-CN': '该预订已取消、已变更或已结束。', 'en-US': 'This booking was cancelled, changed or has ended.' },
  CHECKIN_CODE_WRONG: {
    'zh-CN': '入住码不正确，请核对后重新输入（入住码在住客的预订确认页上）。',
    'en-US': 'This check-in code is wrong. Check it and type it again (the guest finds it on their booking confirmation).',
  },
  CHECK_IN_NOT_TODAY: { 'zh-CN': '只能在入住当天办理入住。', 'en-US': 'Check-in is only possible on the day of arrival.' },
  ALREADY_WAITING: { 'zh-CN': '您已在该驿站这些日期的候补名单上。', 'en-US': 'You are already on this station’s waitlist for these dates.' },
  OFFER_EXPIRED: { 'zh-CN': '该床位的保留时间已过，已转给下一位。', 'en-US': 'The offer of this bed has expired and passed on.' },
  CARD_INVALID: { 'zh-CN': '人才卡无效：签名不符或内容被篡改。', 'en-US': 'Invalid talent card: the signature does not match or the card was altered.' },
  SPACE_NOT_AVAILABLE: {
    'zh-CN': '所选空间在这些日期已被租用或保留，未做任何更改。',
    'en-US': 'Some of this space is leased or held on these dates; nothing was changed.',
  },
  HOLD_NOT_ACTIVE: { 'zh-CN': '该保留已释放、已转为租约或已到期。', 'en-US': 'This hold was released, converted into a lease or has expired.' },
  LEASE_NOT_ACTIVE: { 'zh-CN': '该租约已结束或已迁移。', 'en-US': 'This lease has ended or was moved.' },
  LEASE_RENEWED: { 'zh-CN': '该租约已续租。', 'en-US': 'This lease has already been renewed.' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容太大。', 'en-US': 'The request body is too large.' },
  URI_TOO_LONG: { 'zh-CN': '请求的地址太长。', 'en-US': 'The address of the request is too long.' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持这种内容类型。', 'en-US': 'This type of content is not accepted here.' },
  HEADERS_TOO_LARGE: { 'zh-CN': '请求头太大。', 'en-US': 'The request headers are too large.' },
  BAD_REQUEST: { 'zh-CN': '请求格式有误。', 'en-US': 'The request is malformed.' },
  QUOTA_EXCEEDED: {
    'zh-CN': '超出算力配额：该企业在此规格下没有足够的配额（GPU 小时或同时可用 GPU 数）。',
    'en-US': 'Quota exceeded: the company has no quota left for this GPU type (GPU-hours or GPUs at once).',
  },
  NO_CAPACITY: {
    'zh-CN': '算力不足：截止时间前没有足够的空闲 GPU 可以安排此任务。',
    'en-US': 'No capacity: there are not enough free GPUs to run this job before its deadline.',
  },
  FLAVOR_UNKNOWN: { 'zh-CN': '没有这种算力规格。', 'en-US': 'No such GPU type.' },
  RELATED_PARTY: {
    'zh-CN': '算力券不能用于关联方：购买方与算力服务商存在关联关系（创立、投资或任职）。',
    'en-US': 'The voucher cannot pay a related party: the buyer and the compute provider are linked (founded, invested in or works at).',
  },
  DEADLINE_PASSED: { 'zh-CN': '时间不够：在截止时间前无法完成所需的时长。', 'en-US': 'Too late: the hours asked for cannot be done before the deadline.' },
  USAGE_MISMATCH: {
    'zh-CN': '用量与所属的算力申请不符（超出批准的时段或 GPU 小时，或高于目录价），未记录任何用量。',
    'en-US': 'The usage does not match its request (outside the hours or GPU-hours admitted, or above the list price); nothing was recorded.',
  },
  FINDING_DECIDED: { 'zh-CN': '该核查发现已有决定，不能再按此方式处理。', 'en-US': 'This finding has already been decided.' },
  APPEAL_TOO_LATE: { 'zh-CN': '申诉期限已过。', 'en-US': 'The time to appeal has passed.' },
  REPAYMENT_EXCEEDS_DUE: { 'zh-CN': '退款金额超过了尚欠金额。', 'en-US': 'The repayment is more than is still owed.' },
  RECOVERY_SETTLED: { 'zh-CN': '该追回款已结清或已核销。', 'en-US': 'This recovery is already settled or written off.' },
  REPORT_SUBMITTED: { 'zh-CN': '这份成果报告已经提交过了。', 'en-US': 'This outcome report has already been submitted.' },
  HUB_EXISTS: { 'zh-CN': '已有使用该代码的枢纽。', 'en-US': 'A hub with this slug already exists.' },
  HUB_ARCHIVED: { 'zh-CN': '该枢纽已归档，只能查看，不能更改。', 'en-US': 'This hub is archived: it can be read but not changed.' },
  ALREADY_HOLDS_ROLE: { 'zh-CN': '此人已拥有该角色。', 'en-US': 'This person already holds this role.' },
  SEPARATION_OF_DUTIES: {
    'zh-CN': '系统管理员、安全管理员和审计员须由不同的人担任（三员分立），同一账户在本枢纽只能担任其中之一。',
    'en-US': 'The system administrator, security administrator and auditor must be different people: one account may hold only one of these roles in a hub.',
  },
  LAST_ADMIN: { 'zh-CN': '不能移除或停用本枢纽最后一位管理员。', 'en-US': 'The hub’s last administrator cannot be removed or suspended.' },
  LAST_OWNER: { 'zh-CN': '机构必须至少有一位负责人；请先将他人设为负责人。', 'en-US': 'An organisation needs an owner; transfer ownership first.' },
  INVITATION_EXPIRED: { 'zh-CN': '该邀请链接已过期，请联系邀请人重新发送。', 'en-US': 'This invitation link has expired; ask for a new one.' },
  INVITATION_USED: { 'zh-CN': '该邀请链接已被使用或已撤回。', 'en-US': 'This invitation link was already used or withdrawn.' },
  INVITATION_OTHER_ACCOUNT: {
    'zh-CN': '该邀请是发给另一个邮箱地址的；请用该邮箱的账户登录后再接受。',
    'en-US': 'This invitation was sent to another address; sign in with that address’s account to accept it.',
  },
  EMAIL_NOT_VERIFIED: {
    'zh-CN': '请先确认您的邮箱地址（查看确认邮件），再申请资助。',
    'en-US': 'Confirm your e-mail address first (see the message we sent), then apply.',
  },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已暂时锁定，请稍后再试。',
    'en-US': 'Too many failed sign-ins: the account is locked for a while. Try again later.',
  },
  TWO_FACTOR_CODE_WRONG: { 'zh-CN': '验证码不正确。', 'en-US': 'The code is wrong.' },
  TWO_FACTOR_EXPIRED: { 'zh-CN': '验证已过期，请重新登录。', 'en-US': 'This sign-in has expired; sign in again.' },
  TWO_FACTOR_REQUIRED: {
    'zh-CN': '本平台要求您的角色开启双重验证，请先完成设置。',
    'en-US': 'Your role here requires two-step sign-in: set it up first.',
  },
  REAUTH_REQUIRED: { 'zh-CN': '请再次输入密码和验证码以确认身份。', 'en-US': 'Confirm it is you: enter your password and a code again.' },
  SESSION_EXPIRED: { 'zh-CN': '登录已超时，请重新登录。', 'en-US': 'Your session has timed out; sign in again.' },
  WRONG_CREDENTIALS: { 'zh-CN': '邮箱或密码不正确。', 'en-US': 'The e-mail address or password is wrong.' },
  EMAIL_TAKEN: { 'zh-CN': '该邮箱地址已被使用，请换一个或直接登录。', 'en-US': 'This e-mail address is taken; use another or sign in.' },
  INVALID_TOKEN: { 'zh-CN': '该链接无效或已过期，请重新申请。', 'en-US': 'This link is not valid or has expired; ask for a new one.' },
  AUTH_REFUSED: { 'zh-CN': '无法完成此账户操作，请检查后重试。', 'en-US': 'This account request could not be done; check it and try again.' },
  INTERNAL: { 'zh-CN': '服务器出错了，我们已记录此问题。', 'en-US': 'Something went wrong on our side; it has been logged.' },
};

export const fieldErrorMessages: Catalog<FieldErrorCode> = {
  REQUIRED: { 'zh-CN': '此项必填。', 'en-US': 'This field is required.' },
  TOO_SHORT: { 'zh-CN': '内容太短。', 'en-US': 'Too short.' },
  TOO_LONG: { 'zh-CN': '内容太长。', 'en-US': 'Too long.' },
  TOO_SMALL: { 'zh-CN': '数值太小。', 'en-US': 'Too small.' },
  TOO_BIG: { 'zh-CN': '数值太大。', 'en-US': 'Too large.' },
  INVALID_FORMAT: { 'zh-CN': '格式不正确。', 'en-US': 'Wrong format.' },
  INVALID_OPTION: { 'zh-CN': '不是可选的值。', 'en-US': 'Not one of the allowed values.' },
  INVALID_TYPE: { 'zh-CN': '类型不正确。', 'en-US': 'Wrong type of value.' },
  INVALID_USCC: {
    'zh-CN': '统一社会信用代码无效：应为18位，且最后一位校验码须正确（GB 32100-2015）。',
    'en-US': 'Invalid Unified Social Credit Code: it must have 18 characters and a correct check character (GB 32100-2015).',
  },
  INVALID_DATE: { 'zh-CN': '日期无效（格式 YYYY-MM-DD，且不能晚于今天）。', 'en-US': 'Invalid date (use YYYY-MM-DD, not in the future).' },
  DATE_OUT_OF_RANGE: { 'zh-CN': '日期超出范围（公元1年至9999年）。', 'en-US': 'The date is out of range (years 1 to 9999).' },
  INVALID_URL: { 'zh-CN': '网址无效，应以 http:// 或 https:// 开头。', 'en-US': 'Invalid web address; it must start with http:// or https://.' },
  UNKNOWN_FIELD: { 'zh-CN': '不认识的字段。', 'en-US': 'Unknown field.' },
  INVALID_RESIDENT_ID: {
    'zh-CN': '居民身份证号码无效：应为18位，出生日期真实，且校验码正确（GB 11643-1999）。',
    'en-US': 'Invalid resident identity number: 18 characters, a real birth date and a correct check digit (GB 11643-1999).',
  },
  ENDS_BEFORE_START: { 'zh-CN': '结束日期不能早于开始日期。', 'en-US': 'The end date cannot be before the start date.' },
  BEFORE_BIRTH: { 'zh-CN': '日期早于此人的出生日期，不可能。', 'en-US': 'This date is before the person was born.' },
  NOT_NEAR_FOUNDING: {
    'zh-CN': '创办关系的开始日期应在机构成立日期前后一年之内。',
    'en-US': 'A "founded" relation must start within a year of the organisation’s founding date.',
  },
  NOT_IN_HUB: { 'zh-CN': '在本枢纽中找不到所引用的对象。', 'en-US': 'The referenced record does not exist in this hub.' },
  INVALID_EXPRESSION: { 'zh-CN': '规则表达式无效。', 'en-US': 'The rule expression is not valid.' },
  NOT_A_UNIVERSITY: { 'zh-CN': '校友关系的对象必须是大学。', 'en-US': 'An alumnus relation must point at a university.' },
  UNKNOWN_REF: {
    'zh-CN': '引用的编号未在文件中此前的行定义，也不是本枢纽已有机构的统一社会信用代码。',
    'en-US': 'This ref is not defined on an earlier row of the file, nor the USCC of an organisation already in this hub.',
  },
  UNKNOWN_DISTRICT: {
    'zh-CN': '该区县不在本枢纽的区县列表中。',
    'en-US': 'This district is not on the hub’s list of districts.',
  },
  DUPLICATE_REF: { 'zh-CN': '该编号（ref）或统一社会信用代码在文件中重复。', 'en-US': 'This ref (or USCC) appears more than once in the file.' },
  ALREADY_IN_HUB: { 'zh-CN': '本枢纽已登记使用该统一社会信用代码的机构。', 'en-US': 'An organisation with this USCC is already registered in this hub.' },
  FILE_NOT_FOUND: { 'zh-CN': '找不到这个文件，请重新上传。', 'en-US': 'This file was not found; please upload it again.' },
  WRONG_FILE_TYPE: { 'zh-CN': '文件类型不符合要求（按文件内容判断）。', 'en-US': 'This type of file is not accepted here (judged from its content).' },
  FILE_TOO_BIG: { 'zh-CN': '文件超过了允许的大小。', 'en-US': 'The file is larger than allowed.' },
  IN_THE_PAST: { 'zh-CN': '日期不能早于今天。', 'en-US': 'The date cannot be in the past.' },
  TOO_MANY_NIGHTS: { 'zh-CN': '入住晚数超过上限。', 'en-US': 'More nights than allowed.' },
  SPACE_TAKEN: { 'zh-CN': '该空间在这些日期已被占用。', 'en-US': 'This space is taken on these dates.' },
  NESTED_SPACES: {
    'zh-CN': '所选空间相互包含（例如一栋楼和楼内的单元），请只选其一。',
    'en-US': 'These spaces contain one another (e.g. a building and a unit in it); choose one.',
  },
  STEPS_GAP: {
    'zh-CN': '租金阶段之间有空档：每一阶段须紧接上一阶段开始。',
    'en-US': 'The rent steps leave a gap: each step must start where the previous one ends.',
  },
  STEPS_OVERLAP: { 'zh-CN': '租金阶段相互重叠或顺序颠倒。', 'en-US': 'The rent steps overlap or are out of order.' },
  STAYS_OVERLAP: {
    'zh-CN': '两份档案在相同日期都有有效的住宿预订，请先取消其中一个。',
    'en-US': 'Both records have active stays on the same nights; cancel one first.',
  },
  NOT_MONTH_START: { 'zh-CN': '日期须为租期中某个月的起始日。', 'en-US': 'The date must be the first day of a month of the lease.' },
  ABOVE_CAP: { 'zh-CN': '补贴超过了政策上限。', 'en-US': 'The subsidy is above the program’s caps.' },
  INVALID_CHARACTERS: {
    'zh-CN': '含有不允许的字符（换行、制表符等控制字符，或残缺的 Unicode 字符）。',
    'en-US': 'Contains characters that are not allowed (a line break, tab or other control character, or broken Unicode).',
  },
  TAKEN: { 'zh-CN': '已被占用。', 'en-US': 'Already taken.' },
  GPUS_OVER_QUOTA: {
    'zh-CN': 'GPU 数量超过了配额允许的同时可用 GPU 数。',
    'en-US': 'More GPUs at once than the company’s quota allows on this GPU type.',
  },
  GPU_HOURS_OVER_QUOTA: {
    'zh-CN': 'GPU 数量 × 时长超过了配额剩余的 GPU 小时。',
    'en-US': 'GPUs × hours is more than the GPU-hours left on the quota.',
  },
  DEADLINE_TOO_SOON: {
    'zh-CN': '最迟完成时间太早：从开始到截止的小时数少于任务所需的时长。',
    'en-US': 'Too soon: there are fewer hours between the start and this time than the job needs.',
  },
  OUTSIDE_ADMITTED_WINDOW: {
    'zh-CN': '用量时段超出了该申请获批的运行时段。',
    'en-US': 'The usage period is outside the hours the request was admitted for.',
  },
  IN_THE_FUTURE: {
    'zh-CN': '用量时段的结束时间晚于当前时间：只能上报已经发生的用量。',
    'en-US': 'The usage period ends in the future: only usage that has already happened can be reported.',
  },
  GPU_HOURS_OVER_ADMITTED: {
    'zh-CN': 'GPU 小时超过了该申请获批的量（GPU 数量 × 时长）。',
    'en-US': 'More GPU-hours than the request was admitted for (its GPUs × its hours).',
  },
  COST_OVER_LIST_PRICE: {
    'zh-CN': '费用高于按目录价计算的金额（GPU 小时 × 每 GPU 小时目录价）。',
    'en-US': 'The cost is above the list price (GPU-hours × the list price per GPU-hour).',
  },
  INVALID: { 'zh-CN': '此项无效。', 'en-US': 'This value is not valid.' },
};

/** Sentences that take a value: `RATE_LIMITED` when the answer says how long to wait. Read through `errorSentence`. */
const valuedErrorMessages = {
  RATE_LIMITED: {
    'zh-CN': (seconds: number) => `尝试次数过多，请 ${seconds} 秒后再试。`,
    'en-US': (seconds: number) => `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  },
} satisfies Partial<Record<ErrorCode, Record<Locale, (value: number) => string>>>;

/**
 * The one sentence for an error code, shared by the server's answers and the web: with the
 * seconds to wait when a rate limit says them (`retryAfterSeconds`), else the catalogue's.
 */
export function errorSentence(code: ErrorCode, locale: Locale, retryAfterSeconds?: number | null): string {
  if (code === 'RATE_LIMITED' && retryAfterSeconds && retryAfterSeconds >= 1) return valuedErrorMessages.RATE_LIMITED[locale](Math.ceil(retryAfterSeconds));
  return errorMessages[code][locale];
}

/** Our locale for a language tag (any zh-* or en-*), or null when it is a language we do not have. */
export function matchLocale(languageTag: string | undefined): Locale | null {
  const tag = languageTag?.trim().toLowerCase() ?? '';
  if (tag.startsWith('zh')) return 'zh-CN';
  if (tag.startsWith('en')) return 'en-US';
  return null;
}

/** Picks zh-CN for any Chinese Accept-Language, en-US otherwise (or the given fallback). */
export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'en-US'): Locale {
  return matchLocale(acceptLanguage?.split(',')[0]) ?? fallback;
}
