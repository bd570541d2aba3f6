import type { Dayjs } from 'dayjs';
import type { RelationInput, RelationKind, degrees, fundingRounds } from '../../../contracts/relations';
import { nearestField } from '../forms/server-field-errors';
import { majorToMinor } from '../money/money-math';

/** What the add-relation form holds before it becomes API input. */
export type RelationFormValues = {
  kind: RelationKind;
  fromType: 'person' | 'organization';
  fromId?: string;
  toId?: string;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  title?: string;
  degree?: (typeof degrees)[number];
  round?: (typeof fundingRounds)[number];
  amount?: string;
  currency: string;
  url?: string;
  note?: string;
};

const formFields: [string[], string[]][] = [
  [['from'], ['fromId']],
  [['to'], ['toId']],
  [['startsOn'], ['startsOn']],
  [['endsOn'], ['endsOn']],
  [['title'], ['title']],
  [['degree'], ['degree']],
  [['round'], ['round']],
  [['amount'], ['amount']],
  [['source', 'note'], ['note']],
  [['source'], ['url']],
  [['kind'], ['kind']],
];

/** A server path ("to.id", "source.url", "amount.amountMinor") to the form field that shows it. */
export function relationFieldForPath(path: string): string[] | null {
  const prefix = nearestField(
    formFields.map(([apiPath]) => apiPath),
    path,
  );
  return prefix ? formFields.find(([apiPath]) => apiPath.join('.') === prefix.join('.'))![1] : null;
}

const date = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

export function toRelationInput(values: RelationFormValues): RelationInput {
  const amount = values.kind === 'invested_in' && values.amount?.trim() ? majorToMinor(values.amount, values.currency) : null;
  return {
    kind: values.kind,
    from: { type: values.fromType, id: values.fromId ?? '' },
    to: { type: 'organization', id: values.toId ?? '' },
    startsOn: date(values.startsOn),
    endsOn: date(values.endsOn),
    title: (values.kind === 'works_at' || values.kind === 'partners_with') && values.title?.trim() ? values.title.trim() : undefined,
    degree: values.kind === 'alumnus_of' ? values.degree : undefined,
    round: values.kind === 'invested_in' ? values.round : undefined,
    amount: amount ? { amountMinor: amount, currency: values.currency } : undefined,
    source: { url: values.url?.trim() || undefined, note: values.note?.trim() || undefined },
  };
}
