import { insightsEnUS } from '../ecosystem/insights.en-US';
import { recordsEnUS } from '../ecosystem/records.en-US';
import { peopleEnUS } from '../ecosystem/people.en-US';
import { orgEnUS } from '../organizations/organizations.en-US';
import { twoFactorEnUS } from '../two-factor/two-factor.en-US';
import { importEnUS } from '../ecosystem/import.en-US';
import { obligationsEnUS } from '../obligations/obligations.en-US';
import { adminEnUS } from '../admin/admin.en-US';
import { staffEnUS } from '../staff/staff.en-US';
import { accountEnUS } from '../account/account.en-US';
import { budgetEnUS } from '../budget/budget.en-US';
import { dashboardEnUS } from '../dashboard/dashboard.en-US';
import { openEnUS } from '../open/open.en-US';
import { programsEnUS } from '../programs/programs.en-US';
import { reviewsEnUS } from '../reviews/reviews.en-US';
import type { UiMessages } from './zh-CN';
import { staysEnUS } from '../stays/stays.en-US';
import { spacesEnUS } from '../spaces/spaces.en-US';
import { computeEnUS } from '../compute/compute.en-US';

/** English UI strings; the same keys as zh-CN.ts. */
export const enUS: UiMessages = {
  app: {
    name: 'Dragon Gate',
    tagline: 'The open platform a city runs to grow AI companies',
    allHubs: 'All hubs',
    brandLink: '{{name}}: all hubs',
    loading: 'Loading…',
    notFound: 'This page does not exist.',
    notFoundHint: 'The link may be wrong, or what it pointed to was removed.',
    backHome: 'Back to home',
    backToHub: 'Back to the hub',
    loadFailed: 'The page could not be loaded.',
    loadFailedHint: 'The platform may just have been updated, or the network dropped. Please reload the page.',
    renderFailed: 'This page could not be shown.',
    renderFailedHint: 'Something on it went wrong. Reload the page, or go back and try again later.',
    reload: 'Reload',
    retry: 'Try again',
    menu: 'Menu',
    loadMore: 'Load more',
  },
  language: {
    label: 'Language',
  },
  punct: {
    labelled: '{{label}}: ',
    labelledValue: '{{label}}: {{value}}',
    withNote: '{{text}} ({{note}})',
  },
  money: {
    yuan: 'CNY',
    readBack: 'That is {{amount}}',
    hint: 'In yuan, e.g. 2,000,000 or 1,250.50',
    invalid: 'Enter a positive amount in yuan with at most two decimals.',
    tooLarge: 'More than the limit of {{max}}.',
  },
  auth: {
    signIn: 'Sign in',
    signUp: 'Create account',
    signOut: 'Sign out',
    email: 'Email',
    password: 'Password',
    name: 'Name',
    emailInvalid: 'Enter a valid email address.',
    passwordHint: 'At least {{min}} characters. A long phrase is safer than symbols.',
    passwordTooShort: 'The password needs at least {{min}} characters.',
    wrongCredentials: 'Wrong email or password.',
    emailTaken: 'This email is already registered; sign in instead.',
    noAccount: 'No account yet?',
    haveAccount: 'Already have an account?',
    signInTitle: 'Sign in to Dragon Gate',
    sessionExpired:
      'You were signed out: the session was idle too long or reached the time limit this hub sets. Sign in again to go back to the page you were on.',
    signUpTitle: 'Create your account',
    signedInAs: 'Signed in as {{email}}',
    account: 'Account',
  },
  hubs: {
    pickTitle: 'Choose a hub',
    pickIntro:
      'A hub is one city on Dragon Gate: the public money it sets aside for AI companies and talent, the programs that give it out (grants, compute vouchers, allowances), and the free stays and offices it offers. Choose a city to see its programs; anyone can read them, and you sign in to apply.',
    cardText: 'Programs for AI companies, startups and graduates in {{city}}: what each gives, who qualifies and until when.',
    seePrograms: 'See the programs',
    open: 'Open',
    empty: 'No hubs yet.',
    notFound: 'This hub does not exist.',
    timeZone: 'Time zone',
    currency: 'Currency',
  },
  nav: {
    ecosystem: 'Ecosystem',
    organizations: 'Organisations',
    people: 'People',
    'talent-pipeline': 'Talent pipeline',
    compare: 'Compare',
    search: 'Search',
    import: 'Import',
    budget: 'Budget',
    programs: 'Programs',
    applications: 'My applications',
    hubApplications: 'Applications',
    reviews: 'My reviews',
    stays: 'Youth stations',
    'api-tokens': 'API tokens',
    audit: 'Audit log',
    dashboard: 'Dashboard',
    spaces: 'Office space',
    'space-desk': 'Space desk',
    compute: 'GPU time',
    'compute-desk': 'Compute desk',
    'station-desk': 'Station desk',
    staff: 'Staff',
    settings: 'Settings',
    security: 'Sign-in rules',
    'talent-card': 'Talent card',
    obligations: 'After the money',
  },
  org: orgEnUS,
  orgRole: {
    owner: 'Owner',
    applicant: 'Can apply',
    viewer: 'Can view',
  },
  kind: {
    startup: 'Startup',
    company: 'Company',
    university: 'University',
    investor: 'Investor',
    compute_provider: 'Compute provider',
    government: 'Government',
  },
  sector: {
    ai: 'Artificial intelligence',
    robotics: 'Robotics',
    synthetic_biology: 'Synthetic biology',
    games: 'Games',
    brain_computer_interfaces: 'Brain-computer interfaces',
    cloud_computing: 'Cloud computing',
    semiconductors: 'Semiconductors',
    ecommerce: 'E-commerce',
    education: 'Education',
    finance: 'Finance',
  },
  people: peopleEnUS,
  personRole: {
    founder: 'Founder',
    executive: 'Executive',
    engineer: 'Engineer',
    researcher: 'Researcher',
    professor: 'Professor',
    investor: 'Investor',
    student: 'Student',
    official: 'Official',
  },
  ...recordsEnUS,
  degree: {
    bachelor: 'Bachelor',
    master: 'Master',
    doctorate: 'Doctorate',
    other: 'Other',
  },
  round: {
    angel: 'Angel',
    seed: 'Seed',
    pre_a: 'Pre-A',
    a: 'Series A',
    b: 'Series B',
    c: 'Series C',
    d: 'Series D',
    e_plus: 'Series E or later',
    strategic: 'Strategic',
    ipo: 'IPO',
    other: 'Other',
  },
  ...insightsEnUS,
  import: importEnUS,
  staff: staffEnUS,
  account: accountEnUS,
  budget: budgetEnUS,
  open: openEnUS,
  dashboard: dashboardEnUS,
  programs: programsEnUS,
  notifications: {
    title: 'Notifications',
    bell: 'Notifications, {{count}} unread',
    none: 'Nothing new.',
    markAll: 'Mark all read',
    kinds: {
      program_invitation: 'An invitation to apply',
      stay_bed_offered: 'A bed held for you',
      recovery_due: 'Money to repay after a breach',
      appeal_upheld: 'Your appeal was upheld',
      appeal_dismissed: 'Your appeal was dismissed',
      obligation_report_due: 'An outcome report is due soon',
    },
  },
  obligations: obligationsEnUS,
  reviews: reviewsEnUS,
  stays: staysEnUS,
  admin: adminEnUS,
  spaces: spacesEnUS,
  compute: computeEnUS,
  twoFactor: twoFactorEnUS,
  forms: {
    wholeNumber: 'Enter a whole number from {{min}} to {{max}}.',
    dropDay: 'Remove {{day}}',
    rangeEnd: '{{field}}: {{end}}',
    lastDay: 'Last day',
  },
  errors: {
    network: 'Cannot reach the server; check the connection and try again.',
    unknown: 'Something unexpected happened; try again later.',
  },
};
