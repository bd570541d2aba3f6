import type { Locale } from '../../../contracts/error-messages.js';
import type { PublicBudget } from '../../../contracts/open-data.js';
import type { Table } from './tables.js';
import { yuan } from './three-sixty-giving.js';

const titles: Record<Locale, { header: string[]; envelope: string; line: string; program: string; individuals: string }> = {
  'en-US': {
    header: ['Year', 'Item', 'Code', 'Name', 'Funded (CNY)', 'Committed (CNY)', 'Paid (CNY)', 'Left (CNY)', 'Awards', 'Awarded (CNY)'],
    envelope: 'envelope',
    line: 'budget line',
    program: 'program',
    individuals: 'Awards to individuals (not named)',
  },
  'zh-CN': {
    header: ['年度', '类别', '代码', '名称', '安排（元）', '已承诺（元）', '已拨付（元）', '结余（元）', '资助笔数', '资助金额（元）'],
    envelope: '资金总盘',
    line: '预算科目',
    program: '政策项目',
    individuals: '向个人发放的资助（不公开姓名）',
  },
};

/** The public budget as one table: the envelope, each line, each program, individuals in total. */
export function budgetTable(budget: PublicBudget, locale: Locale): Table {
  const t = titles[locale];
  const name = (n: { zh: string; en: string }) => (locale === 'en-US' ? n.en : n.zh);
  const y = (fen: string) => yuan(BigInt(fen));
  const year = budget.year ?? '';
  const rows: Table['rows'] = [
    [year, t.envelope, '', '', y(budget.envelope), y(budget.committed), y(budget.disbursed), y(budget.unallocated), '', ''],
    ...budget.lines.map((l) => [year, t.line, l.code, name(l.name), y(l.funded), y(l.committed), y(l.disbursed), y(l.free), '', '']),
    ...budget.programs.map((p) => [year, t.program, p.line, name(p.name), '', '', y(p.disbursed), '', p.awards, y(p.awarded)]),
    [year, t.individuals, '', '', '', '', '', '', budget.individuals.count, y(budget.individuals.amount)],
  ];
  return { header: t.header, rows, moneyColumns: [4, 5, 6, 7, 9] };
}
