import type { z } from 'zod';
import { fieldCodeOf } from '../../../../contracts/field-codes.js';
import type { FieldErrorCode } from '../../../../contracts/errors.js';
import { factInputSchema } from '../../../../contracts/facts.js';
import { organizationInputSchema } from '../../../../contracts/organizations.js';
import { personInputSchema } from '../../../../contracts/people.js';
import { relationInputSchema } from '../../../../contracts/relations.js';
import { isValidUscc, normalizeUscc } from '../../../../contracts/uscc.js';
import { impossibleDates } from '../relation-dates.js';
import { newId, own } from './bulk.js';
import { LIST_SEPARATOR, type SourceRow } from './columns.js';

/**
 * Pure, per-row validation of an import: the contract's Zod schemas, the relation date
 * rules and ref resolution. The only state is the ref book (ref -> id and the little the
 * rules need), which is all an import keeps in memory whatever the file's size.
 */

export type OrgRef = { id: string; kind: string; foundedOn: string | null; seq: number };
export type PersonRef = { id: string; bornOn: string | null; seq: number };
export type RefBook = {
  orgs: Map<string, OrgRef>;
  people: Map<string, PersonRef>;
  /** USCC -> organisation: those already in the hub (seq -1) and those of the file. */
  usccs: Map<string, OrgRef>;
  /** The hub's district codes (an organisation's district must be one of them). */
  districts: ReadonlySet<string>;
};

export type OrgValues = {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  uscc: string;
  foundedOn: string | null;
  sectors: string[];
  headcount: number | null;
  website: string | null;
  district: string | null;
};
export type PersonValues = { id: string; nameZh: string; nameEn: string; roles: string[]; bornOn: string | null; talentTier: string | null };
export type RelationValues = {
  id: string;
  kind: string;
  fromPersonId: string | null;
  fromOrganizationId: string | null;
  toOrganizationId: string;
  startsOn: string | null;
  endsOn: string | null;
  title: string | null;
  degree: string | null;
  round: string | null;
  amountMinor: string | null;
  currency: string | null;
  sourceUrl: string | null;
  sourceNote: string | null;
};
export type FactValues = {
  id: string;
  organizationId: string;
  metric: string;
  asOf: string;
  amountMinor: string | null;
  currency: string | null;
  quantity: string | null;
  label: string | null;
  sourceUrl: string | null;
  sourceNote: string | null;
};

export type RowProblem = { field: string; code: FieldErrorCode };
export type Checked =
  | { ok: true; table: 'organizations'; values: OrgValues }
  | { ok: true; table: 'people'; values: PersonValues }
  | { ok: true; table: 'relations'; values: RelationValues }
  | { ok: true; table: 'facts'; values: FactValues }
  | { ok: false; problems: RowProblem[] };

/** A row is looked at in stream order (`seq`): a ref must be defined above where it is used. */
export type Placed = SourceRow & { seq: number };

export function emptyRefBook(districts: Iterable<string> = []): RefBook {
  return { orgs: new Map(), people: new Map(), usccs: new Map(), districts: new Set(districts) };
}

/**
 * Checks one row. `define` is true on the first pass, which records refs in the book;
 * the writing pass checks again against the finished book and gets the same verdict,
 * because a ref only counts where it was defined above the row using it.
 */
export function checkRow(row: Placed, book: RefBook, define: boolean): Checked {
  switch (row.table) {
    case 'organizations':
      return checkOrganization(row, book, define);
    case 'people':
      return checkPerson(row, book, define);
    case 'relations':
      return checkRelation(row, book);
    case 'facts':
      return checkFact(row, book);
  }
}

function checkOrganization(row: Placed, book: RefBook, define: boolean): Checked {
  const c = row.cells;
  const input = {
    kind: cell(c.kind),
    name: { zh: cell(c.name_zh), en: cell(c.name_en) },
    uscc: cell(c.uscc),
    foundedOn: cell(c.founded_on),
    sectors: list(c.sectors),
    headcount: integer(c.headcount),
    website: cell(c.website),
    district: cell(c.district),
  };
  const parsed = organizationInputSchema.safeParse(input);
  const problems = parsed.success ? [] : issuesOf(parsed.error, input);
  if (parsed.success && parsed.data.district !== undefined && !book.districts.has(parsed.data.district))
    problems.push({ field: 'district', code: 'UNKNOWN_DISTRICT' });
  const ref = cell(c.ref);
  const refProblem = ref !== undefined ? ownRefProblem(ref, row.seq, book.orgs, book.people) : null;
  if (refProblem) problems.push(refProblem);
  if (parsed.success) {
    const seen = book.usccs.get(parsed.data.uscc);
    if (seen && seen.seq !== row.seq) problems.push({ field: 'uscc', code: seen.seq < 0 ? 'ALREADY_IN_HUB' : 'DUPLICATE_REF' });
  }
  if (!parsed.success || problems.length) return { ok: false, problems: unique(problems) };
  const d = parsed.data;
  const entry = (ref !== undefined ? book.orgs.get(ref) : book.usccs.get(d.uscc)) ?? {
    id: newId(),
    kind: d.kind,
    foundedOn: d.foundedOn ? own(d.foundedOn) : null,
    seq: row.seq,
  };
  if (define) {
    if (ref !== undefined) book.orgs.set(own(ref), entry);
    book.usccs.set(own(d.uscc), entry);
  }
  return {
    ok: true,
    table: 'organizations',
    values: {
      id: entry.id,
      kind: d.kind,
      nameZh: d.name.zh,
      nameEn: d.name.en,
      uscc: d.uscc,
      foundedOn: d.foundedOn ?? null,
      sectors: d.sectors,
      headcount: d.headcount ?? null,
      website: d.website ?? null,
      district: d.district ?? null,
    },
  };
}

function checkPerson(row: Placed, book: RefBook, define: boolean): Checked {
  const c = row.cells;
  const input = { name: { zh: cell(c.name_zh), en: cell(c.name_en) }, roles: list(c.roles), bornOn: cell(c.born_on), talentTier: cell(c.talent_tier) };
  const parsed = personInputSchema.safeParse(input);
  const problems = parsed.success ? [] : issuesOf(parsed.error, input);
  const ref = cell(c.ref);
  const refProblem = ref !== undefined ? ownRefProblem(ref, row.seq, book.people, book.orgs) : null;
  if (refProblem) problems.push(refProblem);
  if (!parsed.success || problems.length) return { ok: false, problems: unique(problems) };
  const d = parsed.data;
  const entry = (ref !== undefined ? book.people.get(ref) : undefined) ?? { id: newId(), bornOn: d.bornOn ? own(d.bornOn) : null, seq: row.seq };
  if (define && ref !== undefined) book.people.set(own(ref), entry);
  return {
    ok: true,
    table: 'people',
    values: { id: entry.id, nameZh: d.name.zh, nameEn: d.name.en, roles: d.roles, bornOn: d.bornOn ?? null, talentTier: d.talentTier ?? null },
  };
}

// Stands in for an unknown end, so the rest of the row is still checked and reported.
const NOBODY = '00000000-0000-7000-8000-000000000000';

function checkRelation(row: Placed, book: RefBook): Checked {
  const c = row.cells;
  const problems: RowProblem[] = [];
  const fromRef = cell(c.from_ref);
  const person = fromRef !== undefined ? above(book.people.get(fromRef), row.seq) : undefined;
  const fromOrg = fromRef !== undefined && !person ? findOrg(book, fromRef, row.seq) : undefined;
  const to = cell(c.to_ref) !== undefined ? findOrg(book, cell(c.to_ref)!, row.seq) : undefined;
  if (fromRef !== undefined && !person && !fromOrg) problems.push({ field: 'from_ref', code: 'UNKNOWN_REF' });
  if (cell(c.to_ref) !== undefined && !to) problems.push({ field: 'to_ref', code: 'UNKNOWN_REF' });
  const amountMinor = cell(c.amount_minor);
  const currency = cell(c.currency);
  const input = {
    kind: cell(c.kind),
    from: fromRef === undefined ? undefined : { type: person ? 'person' : 'organization', id: person?.id ?? fromOrg?.id ?? NOBODY },
    to: cell(c.to_ref) === undefined ? undefined : { type: 'organization', id: to?.id ?? NOBODY },
    startsOn: cell(c.starts_on),
    endsOn: cell(c.ends_on),
    title: cell(c.title),
    degree: cell(c.degree),
    round: cell(c.round),
    amount: amountMinor === undefined && currency === undefined ? undefined : { amountMinor, currency },
    source: { url: cell(c.source_url), note: cell(c.source_note) },
  };
  const parsed = relationInputSchema.safeParse(input);
  if (!parsed.success) problems.push(...issuesOf(parsed.error, input).filter((p) => !problems.some((q) => q.field === p.field)));
  if (parsed.success) {
    const d = parsed.data;
    if (d.kind === 'alumnus_of' && to && to.kind !== 'university') problems.push({ field: 'to_ref', code: 'NOT_A_UNIVERSITY' });
    const dates = impossibleDates({
      kind: d.kind,
      startsOn: d.startsOn ?? null,
      endsOn: d.endsOn ?? null,
      personBornOn: person?.bornOn ?? null,
      organizationFoundedOn: to?.foundedOn ?? null,
    });
    problems.push(...dates.map((p) => ({ field: columnOf(p.path), code: p.code })));
  }
  if (!parsed.success || problems.length) return { ok: false, problems: unique(problems) };
  const d = parsed.data;
  return {
    ok: true,
    table: 'relations',
    values: {
      id: newId(),
      kind: d.kind,
      fromPersonId: person ? person.id : null,
      fromOrganizationId: person ? null : fromOrg!.id,
      toOrganizationId: to!.id,
      startsOn: d.startsOn ?? null,
      endsOn: d.endsOn ?? null,
      title: d.title ?? null,
      degree: d.degree ?? null,
      round: d.round ?? null,
      amountMinor: d.amount?.amountMinor ?? null,
      currency: d.amount?.currency ?? null,
      sourceUrl: d.source.url ?? null,
      sourceNote: d.source.note ?? null,
    },
  };
}

function checkFact(row: Placed, book: RefBook): Checked {
  const c = row.cells;
  const problems: RowProblem[] = [];
  const orgRef = cell(c.org_ref);
  const org = orgRef !== undefined ? findOrg(book, orgRef, row.seq) : undefined;
  if (orgRef === undefined) problems.push({ field: 'org_ref', code: 'REQUIRED' });
  else if (!org) problems.push({ field: 'org_ref', code: 'UNKNOWN_REF' });
  const amountMinor = cell(c.amount_minor);
  const currency = cell(c.currency);
  const input = {
    metric: cell(c.metric),
    asOf: cell(c.as_of),
    money: amountMinor === undefined && currency === undefined ? undefined : { amountMinor, currency },
    quantity: cell(c.quantity),
    label: cell(c.label),
    source: { url: cell(c.source_url), note: cell(c.source_note) },
  };
  const parsed = factInputSchema.safeParse(input);
  if (!parsed.success) problems.push(...issuesOf(parsed.error, input));
  if (!parsed.success || problems.length) return { ok: false, problems: unique(problems) };
  const d = parsed.data;
  return {
    ok: true,
    table: 'facts',
    values: {
      id: newId(),
      organizationId: org!.id,
      metric: d.metric,
      asOf: d.asOf,
      amountMinor: d.money?.amountMinor ?? null,
      currency: d.money?.currency ?? null,
      quantity: d.quantity ?? null,
      label: d.label ?? null,
      sourceUrl: d.source.url ?? null,
      sourceNote: d.source.note ?? null,
    },
  };
}

// --- helpers -------------------------------------------------------------------------

function cell(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function list(value: string | undefined): string[] | undefined {
  const v = cell(value);
  return v === undefined
    ? undefined
    : v
        .split(LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter(Boolean);
}

/** A whole number stays a string if it is not one, so the schema names it as the wrong type. */
function integer(value: string | undefined): number | string | undefined {
  const v = cell(value);
  return v !== undefined && /^-?\d{1,15}$/.test(v) ? Number(v) : v;
}

function above<T extends { seq: number }>(entry: T | undefined, seq: number): T | undefined {
  return entry && entry.seq < seq ? entry : undefined;
}

/** A file ref, else the USCC of an organisation in the hub or defined above. */
function findOrg(book: RefBook, ref: string, seq: number): OrgRef | undefined {
  const byRef = above(book.orgs.get(ref), seq);
  if (byRef) return byRef;
  const uscc = normalizeUscc(ref);
  return isValidUscc(uscc) ? above(book.usccs.get(uscc), seq) : undefined;
}

/** A ref is defined once, across organisations and people (relations name either). */
function ownRefProblem(ref: string, seq: number, same: Map<string, { seq: number }>, other: Map<string, { seq: number }>): RowProblem | null {
  if (ref.length > 64) return { field: 'ref', code: 'TOO_LONG' };
  const mine = same.get(ref);
  if ((mine && mine.seq !== seq) || other.has(ref)) return { field: 'ref', code: 'DUPLICATE_REF' };
  return null;
}

const columnByPath: Record<string, string> = {
  'name.zh': 'name_zh',
  'name.en': 'name_en',
  name: 'name_en',
  foundedOn: 'founded_on',
  bornOn: 'born_on',
  talentTier: 'talent_tier',
  from: 'from_ref',
  'from.type': 'from_ref',
  'from.id': 'from_ref',
  to: 'to_ref',
  'to.type': 'to_ref',
  'to.id': 'to_ref',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  amount: 'amount_minor',
  'amount.amountMinor': 'amount_minor',
  'amount.currency': 'currency',
  money: 'amount_minor',
  'money.amountMinor': 'amount_minor',
  'money.currency': 'currency',
  source: 'source_url',
  'source.url': 'source_url',
  'source.note': 'source_note',
  asOf: 'as_of',
};

/** The file column a schema path is about (list items point at their list's column). */
export function columnOf(path: string): string {
  const key = path
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .join('.');
  return columnByPath[key] ?? key;
}

function issuesOf(error: z.ZodError, input: unknown): RowProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const value = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
    return { field: columnOf(path) || 'row', code: fieldCodeOf(issue as Parameters<typeof fieldCodeOf>[0], value === undefined) };
  });
}

function unique(problems: RowProblem[]): RowProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.field) && seen.add(p.field));
}
