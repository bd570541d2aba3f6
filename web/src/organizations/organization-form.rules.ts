import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { organizationInputSchema } from '../../../contracts/organizations';
import { zodRule } from '../forms/zod-rule';

type FieldText = (code: string) => string;

const shape = organizationInputSchema.shape;

/** Form rules per field of the register-organisation form, from the contract's input schema. */
export function organizationFormRules(fieldText: FieldText) {
  return {
    nameZh: [zodRule(shape.name.shape.zh, fieldText)],
    nameEn: [zodRule(shape.name.shape.en, fieldText)],
    kind: [zodRule(shape.kind, fieldText)],
    uscc: [zodRule(shape.uscc, fieldText)],
    foundedOn: [zodRule(shape.foundedOn, fieldText, { optional: true, toInput: (value) => (value as Dayjs).format('YYYY-MM-DD') })],
    sectors: [zodRule(shape.sectors, fieldText, { optional: true })],
    headcount: [zodRule(shape.headcount, fieldText, { optional: true })],
    website: [zodRule(shape.website, fieldText, { optional: true, toInput: (value) => String(value).trim() })],
  } satisfies Record<string, FormRule[]>;
}
