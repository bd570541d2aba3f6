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
  DUPLICATE_USCC: { 'zh-CN': '本枢纽已登记使用该统一社会信用代码的机构。', 'en-US': 'An organisation with this Unified Social Credit Code is already registered in this hub.' },
  ALREADY_MEMBER: { 'zh-CN': '该用户已是此机构成员。', 'en-US': 'This person is already a member of the organisation.' },
  USER_NOT_FOUND: { 'zh-CN': '没有使用该邮箱的账户。', 'en-US': 'No account uses this email address.' },
  IDEMPOTENCY_KEY_REUSED: { 'zh-CN': '该幂等键已用于另一个不同的请求。', 'en-US': 'This Idempotency-Key was already used for a different request.' },
  IDEMPOTENCY_KEY_IN_FLIGHT: { 'zh-CN': '使用该幂等键的请求仍在处理中，请稍后重试。', 'en-US': 'A request with this Idempotency-Key is still being processed; retry shortly.' },
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
  ALREADY_APPLIED: { 'zh-CN': '该项目每位申请人只能申请一次，您已申请过。', 'en-US': 'This program takes one application per applicant, and you have one already.' },
  ILLEGAL_TRANSITION: { 'zh-CN': '该申请当前的状态不允许此操作。', 'en-US': 'The application is not in a state that allows this.' },
  OWN_APPLICATION: { 'zh-CN': '不能评审或决定与自己有关的申请。', 'en-US': 'You cannot review or decide an application of your own.' },
  SAME_APPROVER: { 'zh-CN': '第二审批人必须是另一位人员。', 'en-US': 'The second approval must come from a different person.' },
  REVIEWS_PENDING: { 'zh-CN': '还有评审人未提交评分。', 'en-US': 'Some reviewers have not submitted their scores yet.' },
  NOT_ENOUGH_REVIEWERS: { 'zh-CN': '没有足够的无利益冲突的评审人。', 'en-US': 'There are not enough reviewers free of conflicts.' },
  NOTHING_TO_AWARD: { 'zh-CN': '按项目规则，此申请的资助金额为零。', 'en-US': 'Under the program’s rules this application would be awarded nothing.' },
  TRANCHE_SETTLED: { 'zh-CN': '该笔款项已支付或已取消。', 'en-US': 'This tranche is already paid or cancelled.' },
  NOT_ELIGIBLE: { 'zh-CN': '不符合条件：请查看原因。', 'en-US': 'Not eligible: see the reasons.' },
  STAY_LIMIT_REACHED: { 'zh-CN': '超出入住晚数上限（每次或每人），未做任何更改。', 'en-US': 'More nights than the rules allow (per stay or per person); nothing was changed.' },
  NO_AVAILABILITY: { 'zh-CN': '这些日期已无空床，可以加入候补名单。', 'en-US': 'No bed is free for these dates; you can join the waitlist.' },
  ALREADY_BOOKED: { 'zh-CN': '您在这些日期已有一个预订。', 'en-US': 'You already have a booking on these dates.' },
  STATION_CLOSED: { 'zh-CN': '驿站在这些日期不开放。', 'en-US': 'The station is closed on some of these dates.' },
  BOOKING_NOT_ACTIVE: { 'zh-CN': '该预订已取消、已变更或已结束。', 'en-US': 'This booking was cancelled, changed or has ended.' },
  CHECK_IN_NOT_TODAY: { 'zh-CN': '只能在入住当天办理入住。', 'en-US': 'Check-in is only possible on the day of arrival.' },
  ALREADY_WAITING: { 'zh-CN': '您已在该驿站这些日期的候补名单上。', 'en-US': 'You are already on this station’s waitlist for these dates.' },
  OFFER_EXPIRED: { 'zh-CN': '该床位的保留时间已过，已转给下一位。', 'en-US': 'The offer of this bed has expired and passed on.' },
  CARD_INVALID: { 'zh-CN': '人才卡无效：签名不符或内容被篡改。', 'en-US': 'Invalid talent card: the signature does not match or the card was altered.' },
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
  DUPLICATE_REF: { 'zh-CN': '该编号（ref）或统一社会信用代码在文件中重复。', 'en-US': 'This ref (or USCC) appears more than once in the file.' },
  ALREADY_IN_HUB: { 'zh-CN': '本枢纽已登记使用该统一社会信用代码的机构。', 'en-US': 'An organisation with this USCC is already registered in this hub.' },
  FILE_NOT_FOUND: { 'zh-CN': '找不到这个文件，请重新上传。', 'en-US': 'This file was not found; please upload it again.' },
  WRONG_FILE_TYPE: { 'zh-CN': '文件类型不符合要求（按文件内容判断）。', 'en-US': 'This type of file is not accepted here (judged from its content).' },
  FILE_TOO_BIG: { 'zh-CN': '文件超过了允许的大小。', 'en-US': 'The file is larger than allowed.' },
  IN_THE_PAST: { 'zh-CN': '日期不能早于今天。', 'en-US': 'The date cannot be in the past.' },
  TOO_MANY_NIGHTS: { 'zh-CN': '入住晚数超过上限。', 'en-US': 'More nights than allowed.' },
  INVALID: { 'zh-CN': '此项无效。', 'en-US': 'This value is not valid.' },
};

/** Picks zh-CN for any Chinese Accept-Language, en-US otherwise (or the given fallback). */
export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'en-US'): Locale {
  if (!acceptLanguage) return fallback;
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('zh')) return 'zh-CN';
  if (first.startsWith('en')) return 'en-US';
  return fallback;
}
