import type { Dayjs } from 'dayjs';
import type { OrganizationInput, OrganizationKind, Sector } from '../../../contracts/organizations';
import { normalizeUscc } from '../../../contracts/uscc';

/** What the antd form holds (a date picker value, empty strings) before it becomes API input. */
export type OrganizationFormValues = {
  kind?: OrganizationKind;
  name?: { zh?: string; en?: string };
  uscc?: string;
  foundedOn?: Dayjs | null;
  sectors?: Sector[];
  headcount?: number | null;
  website?: string;
  district?: string | null;
};

/** The form's field names; a server error path such as "sectors.2" maps to the nearest one. */
export type OrganizationFormField =
  ['kind'] | ['name', 'zh'] | ['name', 'en'] | ['uscc'] | ['foundedOn'] | ['sectors'] | ['headcount'] | ['website'] | ['district'];

const formFields: OrganizationFormField[] = [
  ['kind'],
  ['name', 'zh'],
  ['name', 'en'],
  ['uscc'],
  ['foundedOn'],
  ['sectors'],
  ['headcount'],
  ['website'],
  ['district'],
];

export function formFieldForPath(path: string): OrganizationFormField | null {
  const parts = path.split('.');
  return formFields.find((field) => field.every((part, index) => parts[index] === part)) ?? null;
}

export function toOrganizationInput(values: OrganizationFormValues): OrganizationInput {
  const website = values.website?.trim();
  return {
    kind: values.kind as OrganizationKind,
    name: { zh: values.name?.zh?.trim() ?? '', en: values.name?.en?.trim() ?? '' },
    uscc: normalizeUscc(values.uscc ?? ''),
    foundedOn: values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : undefined,
    sectors: values.sectors ?? [],
    headcount: values.headcount ?? undefined,
    website: website ? website : undefined,
    district: values.district ?? undefined,
  };
}
