import { insightsZhCN } from '../ecosystem/insights.zh-CN';
import { recordsZhCN } from '../ecosystem/records.zh-CN';
import { peopleZhCN } from '../ecosystem/people.zh-CN';
import { orgZhCN } from '../organizations/organizations.zh-CN';
import { twoFactorZhCN } from '../two-factor/two-factor.zh-CN';
import { importZhCN } from '../ecosystem/import.zh-CN';
import { obligationsZhCN } from '../obligations/obligations.zh-CN';
import { adminZhCN } from '../admin/admin.zh-CN';
import { staffZhCN } from '../staff/staff.zh-CN';
import { accountZhCN } from '../account/account.zh-CN';
import { budgetZhCN } from '../budget/budget.zh-CN';
import { dashboardZhCN } from '../dashboard/dashboard.zh-CN';
import { openZhCN } from '../open/open.zh-CN';
import { programsZhCN } from '../programs/programs.zh-CN';
import { reviewsZhCN } from '../reviews/reviews.zh-CN';
import { staysZhCN } from '../stays/stays.zh-CN';
import { spacesZhCN } from '../spaces/spaces.zh-CN';
import { computeZhCN } from '../compute/compute.zh-CN';

/** Chinese UI strings. en-US.ts has the same keys (checked by the type and by locale-keys.test.ts). */
export const zhCN = {
  app: {
    name: '龙门',
    tagline: '城市人工智能产业开放平台',
    allHubs: '全部枢纽',
    brandLink: '{{name}}：全部枢纽',
    loading: '加载中…',
    notFound: '找不到该页面。',
    notFoundHint: '链接可能有误，或该内容已被删除。',
    backHome: '返回首页',
    backToHub: '返回枢纽首页',
    loadFailed: '页面没能加载。',
    loadFailedHint: '平台可能刚刚更新，或网络中断了。请重新加载页面。',
    renderFailed: '此页面无法显示。',
    renderFailedHint: '页面内容出了问题。请重新加载，或返回后稍后再试。',
    reload: '重新加载',
    retry: '重试',
    menu: '菜单',
    loadMore: '加载更多',
  },
  language: {
    label: '语言',
  },
  /** Punctuation around translated text, in the language's own marks (full-width in Chinese). */
  punct: {
    labelled: '{{label}}：',
    labelledValue: '{{label}}：{{value}}',
    withNote: '{{text}}（{{note}}）',
  },
  money: {
    yuan: '元',
    readBack: '即 {{amount}}',
    hint: '以元填写，例如 2,000,000 或 1,250.50',
    invalid: '请输入正数金额（元），最多两位小数。',
    tooLarge: '超过上限 {{max}}。',
  },
  auth: {
    signIn: '登录',
    signUp: '注册账户',
    signOut: '退出登录',
    email: '邮箱',
    password: '密码',
    name: '姓名',
    emailInvalid: '请输入有效的邮箱地址。',
    passwordHint: '至少 {{min}} 个字符。长一点的短语比复杂符号更安全。',
    passwordTooShort: '密码至少需要 {{min}} 个字符。',
    wrongCredentials: '邮箱或密码不正确。',
    emailTaken: '该邮箱已注册，请直接登录。',
    noAccount: '还没有账户？',
    haveAccount: '已有账户？',
    signInTitle: '登录龙门',
    sessionExpired: '您已退出登录：长时间未操作，或已达到本中心规定的登录时长。重新登录后将回到原来的页面。',
    signUpTitle: '创建账户',
    signedInAs: '已登录：{{email}}',
    account: '账户',
  },
  hubs: {
    pickTitle: '选择一个枢纽',
    pickIntro:
      '“枢纽”就是龙门平台上的一座城市：它为人工智能企业和人才安排的财政资金、发放这些资金的项目（补助、算力券、生活补贴等），以及免费驿站和办公空间。选择一座城市即可查看它的项目；任何人都可以浏览，申请时再登录。',
    cardText: '{{city}}面向人工智能企业、初创公司和高校毕业生的扶持项目：补什么、谁符合条件、何时截止。',
    seePrograms: '查看项目',
    open: '进入',
    empty: '暂无枢纽。',
    notFound: '找不到该枢纽。',
    timeZone: '时区',
    currency: '货币',
  },
  nav: {
    ecosystem: '生态',
    organizations: '机构',
    people: '人才',
    'identity-claims': '档案认领',
    'talent-pipeline': '人才管道',
    compare: '枢纽对比',
    search: '搜索',
    import: '导入导出',
    budget: '预算',
    programs: '扶持项目',
    applications: '我的申请',
    hubApplications: '申请管理',
    reviews: '评审任务',
    stays: '青荷驿站',
    'api-tokens': 'API 令牌',
    audit: '审计日志',
    dashboard: '看板',
    'station-desk': '驿站前台',
    spaces: '办公空间',
    'space-desk': '空间运营',
    compute: '算力',
    'compute-desk': '算力调度',
    staff: '工作人员',
    settings: '枢纽设置',
    security: '登录安全',
    'talent-card': '人才卡',
    obligations: '资助后管理',
  },
  org: orgZhCN,
  orgRole: {
    owner: '负责人',
    applicant: '可代表申请',
    viewer: '仅可查看',
  },
  kind: {
    startup: '初创企业',
    company: '企业',
    university: '高校',
    investor: '投资机构',
    compute_provider: '算力服务商',
    government: '政府机构',
  },
  sector: {
    ai: '人工智能',
    robotics: '机器人',
    synthetic_biology: '合成生物',
    games: '游戏',
    brain_computer_interfaces: '脑机接口',
    cloud_computing: '云计算',
    semiconductors: '半导体',
    ecommerce: '电子商务',
    education: '教育',
    finance: '金融',
  },
  people: peopleZhCN,
  personRole: {
    founder: '创始人',
    executive: '高管',
    engineer: '工程师',
    researcher: '研究员',
    professor: '教授',
    investor: '投资人',
    student: '学生',
    official: '政府官员',
  },
  ...recordsZhCN,
  degree: {
    bachelor: '学士',
    master: '硕士',
    doctorate: '博士',
    other: '其他',
  },
  round: {
    angel: '天使轮',
    seed: '种子轮',
    pre_a: 'Pre-A 轮',
    a: 'A 轮',
    b: 'B 轮',
    c: 'C 轮',
    d: 'D 轮',
    e_plus: 'E 轮及以后',
    strategic: '战略投资',
    ipo: 'IPO',
    other: '其他',
  },
  ...insightsZhCN,
  import: importZhCN,
  staff: staffZhCN,
  account: accountZhCN,
  budget: budgetZhCN,
  open: openZhCN,
  dashboard: dashboardZhCN,
  programs: programsZhCN,
  notifications: {
    title: '通知',
    bell: '通知，{{count}} 条未读',
    none: '暂无新通知。',
    markAll: '全部标为已读',
    kinds: {
      program_invitation: '申请邀请',
      stay_bed_offered: '床位已为您保留',
      recovery_due: '违约后需退回资金',
      appeal_upheld: '您的申诉已成立',
      appeal_dismissed: '您的申诉已被驳回',
      obligation_report_due: '成效报告即将到期',
      identity_claim_approved: '您的身份核验已完成，档案已关联。',
      identity_claim_rejected: '您的身份核验未能确认，请联系人才服务办公室。',
    },
  },
  obligations: obligationsZhCN,
  reviews: reviewsZhCN,
  stays: staysZhCN,
  admin: adminZhCN,
  spaces: spacesZhCN,
  compute: computeZhCN,
  twoFactor: twoFactorZhCN,
  forms: {
    wholeNumber: '请输入 {{min}} 到 {{max}} 之间的整数。',
    dropDay: '移除{{day}}',
    rangeEnd: '{{field}}：{{end}}',
    lastDay: '最后一天',
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试。',
    unknown: '出现未知错误，请稍后重试。',
  },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type UiMessages = Messages<typeof zhCN>;
