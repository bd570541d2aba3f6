import type { rentZhCN } from './rent.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** The rent-subsidy rows' words in English. */
export const rentEnUS: Messages<typeof rentZhCN> = {
  title: 'Rent subsidy by lease year',
  from: 'Row {{n}} from lease year',
  to: 'Row {{n}} to lease year',
  share: 'Row {{n}} share of the rent (%)',
  when: 'Row {{n}} condition',
  whens: { always: 'Always', condition: 'Once the extension condition holds' },
  remove: 'Remove row {{n}}',
  add: 'Add a row',
  capPerM2: 'Cap per m² per month (CNY)',
  capArea: 'Area cap (m²)',
  areaPerPerson: 'Area per person on staff (m²)',
  conditionZh: 'Condition name (Chinese)',
  conditionEn: 'Condition name (English)',
  condition: 'Extension condition (CEL)',
  withinMonths: 'Within months of the lease start',
  hint: 'Rows run from year 1 with no gap or overlap; the rows under a condition come after the others.',
  inWords: 'As these rows stand, the subsidy is:',
};
