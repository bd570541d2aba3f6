import { useQuery } from '@tanstack/react-query';
import { App, Select, type FormInstance } from 'antd';
import { useState } from 'react';
import { listOrganizations } from '../api/organizations.api';
import { listPrograms } from '../api/programs.api';
import type { SpaceNode } from '../api/spaces.api';
import { useFormMutation } from '../forms/use-form-mutation';
import { useBilingual } from '../i18n/use-bilingual';
import { useSpaceClashUnderField } from './space-clash';

export type DeskModalProps = { hub: string; onClose: () => void; onDone: () => Promise<unknown> };
type FieldName = (string | number)[];

/**
 * A desk modal's submit on the one form pattern: sent with the modal's Idempotency-Key (a new
 * one once the values change, so a changed body never reuses a key), server field errors under
 * their fields (space already taken: which space and which days), then the success sentence,
 * the desk refreshed and the modal closed.
 */
export function useDeskForm<Values, Result>({
  form,
  fieldFor,
  send,
  said,
  onClose,
  onDone,
}: Omit<DeskModalProps, 'hub'> & {
  form: FormInstance;
  fieldFor: (path: string) => FieldName | null;
  send: (values: Values, idempotencyKey: string) => Promise<Result>;
  said: (result: Result, values: Values) => string;
}) {
  const { message } = App.useApp();
  const mutation = useFormMutation<Values, Result>({
    form,
    idempotent: true,
    fieldFor,
    mutationFn: send,
    onSuccess: async (result, values) => {
      message.success(said(result, values));
      await onDone();
      onClose();
    },
  });
  useSpaceClashUnderField(form, mutation.mutation.error, fieldFor);
  return mutation;
}

/** A field of the form by the server's path: the first part if the form has it; a range's two ends are one range field. */
export function deskField(fields: readonly string[]) {
  return (path: string): FieldName | null => {
    const head = path.split('.')[0] ?? '';
    if (head === 'startsOn' || head === 'endsOn') return fields.includes('range') ? ['range'] : null;
    return fields.includes(head) ? [head] : null;
  };
}

/** Published rent-subsidy programs of the hub, for a lease or an offer. */
export function useRentPrograms(hub: string) {
  const bilingual = useBilingual();
  const programs = useQuery({ queryKey: ['spaces', hub, 'programs'], queryFn: () => listPrograms(hub) });
  return (programs.data?.items ?? [])
    .filter((p) => p.kind === 'rent_subsidy' && p.benefit.type === 'rent' && p.status === 'published')
    .map((p) => ({ value: p.id, label: bilingual(p.name).primary }));
}

/** An organisation of the hub, found by name as one types. */
export function OrganizationSelect({ hub, value, onChange, id }: { hub: string; value?: string; onChange?: (v: string) => void; id?: string }) {
  const bilingual = useBilingual();
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['spaces', hub, 'orgs', q], queryFn: () => listOrganizations(hub, { q: q || undefined, limit: 20 }) });
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      options={(found.data?.items ?? []).map((o) => ({ value: o.id, label: bilingual(o.name).primary }))}
    />
  );
}

/** A unit or building as the desk's pickers name it; `area` is its area as formatArea writes it ("2,400 m²"). */
export const nodeLabel = (n: Pick<SpaceNode, 'code'>, kind: string, name: string, area: string) => `${n.code} · ${name} · ${kind} · ${area}`;
