import type { rentZhCN } from './rent.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** The rent-subsidy rows' words in English. */
export const rentEnUS: Messages<typeof rentZhCN> = {
  title: 'Rent subsidy by lease year',
  from: 'Period {{n}} from lease year',
  to: 'Period {{n}} to lease year',
  share: 'Period {{n}} share of the rent (%)',
  when: 'Period {{n}} applies',
  whens: { always: 'Always', condition: 'Once the extension condition holds' },
  remove: 'Remove period {{n}}',
  add: 'Add a period',
  capPerM2: 'Cap per m² per month (CNY)',
  capArea: 'Area cap (m²)',
  areaPerPerson: 'Area per person on staff (m²)',
  conditionZh: 'Condition name (Chinese)',
  conditionEn: 'Condition name (English)',
  condition: 'Extension condition',
  withinMonths: 'Within months of the lease start',
  hint: 'Periods run from year 1 with no gap or overlap; the periods under the condition come after the others.',
  inWords: 'As these periods stand, the subsidy is:',
};
