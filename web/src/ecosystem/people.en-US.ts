import type { UiMessages } from '../i18n/zh-CN';

/** English strings of the people register; the same keys as people.zh-CN.ts. */
export const peopleEnUS: UiMessages['people'] = {
  title: 'People',
  staffOnly: 'The people register is open to hub staff only.',
  add: 'Add person',
  addTitle: 'Add a person',
  searchPlaceholder: 'Search by name',
  filterRole: 'Role',
  allRoles: 'All roles',
  filterUniversity: 'University',
  allUniversities: 'All universities',
  name: 'Name',
  nameZh: 'Name in Chinese',
  nameEn: 'Name in English',
  roles: 'Roles',
  bornOn: 'Born on',
  talentTier: 'Talent tier',
  tierValue: 'Tier {{tier}}',
  residentId: 'Resident identity number',
  residentIdHint: 'Optional. 18 characters; the last one is checked (GB 11643) as you type. Stored encrypted, shown masked.',
  submit: 'Add',
  created: 'Person added.',
  empty: 'No people match yet.',
  shown: 'Showing {{count}}',
};
