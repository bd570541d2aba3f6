// Pure: the hub's awards as a 360Giving Data Standard package (1.4) and its summary CSV.
import type { Locale } from '../../../contracts/error-messages.js';
import type { Table } from './tables.js';

export type OpenAward = {
  key: string;
  title: string;
  description: string;
  /** The program it was awarded under (360Giving's grant programme). */
  programme: { code: string; title: string };
  amount: bigint;
  awardDate: string;
  recipient: { uscc: string; name: string };
  transactions: { id: string; kind: 'commitment' | 'disbursement' | 'claw_back' | 'repayment'; amount: bigint; date: string }[];
};

export type OpenDataInput = {
  prefix: string;
  funder: { id: string; name: string };
  locale: Locale;
  awards: OpenAward[];
  individuals: { count: number; amount: bigint };
};

/** Fen to yuan as a JSON number, exact to the fen (no float arithmetic on the amount). */
export function yuan(fen: bigint): number {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return Number(`${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`);
}

export function grantId(prefix: string, key: string): string {
  return `360G-${prefix}-${key}`;
}

export type OpenDataHead = Omit<OpenDataInput, 'awards'>;

/** The package without its grants: version, title and the note on awards to individuals. */
export function threeSixtyGivingHead(input: OpenDataHead) {
  const en = input.locale === 'en-US';
  const note = en
    ? `${input.individuals.count} award(s) to individuals (CNY ${yuan(input.individuals.amount)} in all) are counted here and never named.`
    : `向个人发放的 ${input.individuals.count} 笔资助（合计 ${yuan(input.individuals.amount)} 元）仅计数，不公开姓名。`;
  return { version: '1.4', title: en ? `${input.funder.name}: awards` : `${input.funder.name}：资助项目`, description: note };
}

/** One award as a 360Giving grant under its program, its ledger movements as commitment and disbursement transactions. */
export function threeSixtyGivingGrant(input: Pick<OpenDataInput, 'prefix' | 'funder'>, a: OpenAward) {
  const tx = (kind: OpenAward['transactions'][number]['kind']) => a.transactions.filter((t) => t.kind === kind);
  const transaction = (t: OpenAward['transactions'][number], sign: bigint) => ({
    id: `${grantId(input.prefix, a.key)}-${t.id}`,
    transactionDate: t.date,
    currency: 'CNY',
    value: yuan(t.amount * sign),
  });
  return {
    id: grantId(input.prefix, a.key),
    title: a.title,
    description: a.description,
    currency: 'CNY',
    amountAwarded: yuan(a.amount),
    awardDate: a.awardDate,
    recipientOrganization: [{ id: `CN-USCC-${a.recipient.uscc}`, name: a.recipient.name }],
    fundingOrganization: [{ id: input.funder.id, name: input.funder.name }],
    grantProgramme: [{ code: a.programme.code, title: a.programme.title }],
    commitmentTransaction: tx('commitment').map((t) => transaction(t, 1n)),
    disbursementTransaction: [
      ...tx('disbursement').map((t) => transaction(t, 1n)),
      ...tx('claw_back').map((t) => transaction(t, -1n)),
      ...tx('repayment').map((t) => transaction(t, -1n)),
    ].sort((x, y) => x.transactionDate.localeCompare(y.transactionDate)),
  };
}

export type ThreeSixtyGivingGrant = ReturnType<typeof threeSixtyGivingGrant>;

export function threeSixtyGivingPackage(input: OpenDataInput) {
  return { ...threeSixtyGivingHead(input), grants: input.awards.map((a) => threeSixtyGivingGrant(input, a)) };
}

export const threeSixtyGivingHeader = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Award Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
];

/** A grant's row of the summary table (360Giving's column titles above). */
export const threeSixtyGivingRow = (g: ThreeSixtyGivingGrant): (string | number)[] => [
  g.id,
  g.title,
  g.description,
  g.currency,
  g.amountAwarded,
  g.awardDate,
  g.recipientOrganization[0]!.id,
  g.recipientOrganization[0]!.name,
  g.fundingOrganization[0]!.id,
  g.fundingOrganization[0]!.name,
];

/** The column of the summary table that holds yuan. */
export const threeSixtyGivingMoneyColumns = [4];

/** The summary table with 360Giving's column titles, one row per grant (for CSV and XLSX). */
export function threeSixtyGivingTable(pkg: ReturnType<typeof threeSixtyGivingPackage>): Table {
  return { header: threeSixtyGivingHeader, rows: pkg.grants.map(threeSixtyGivingRow), moneyColumns: threeSixtyGivingMoneyColumns };
}
