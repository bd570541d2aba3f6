import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import { bilingualNameSchema } from '../../../contracts/common';
import { foundedOnSchema, usccSchema, websiteSchema } from '../../../contracts/organizations';
import { zodFieldCode } from '../errors/zod-field-code';

type FieldText = (code: string) => string;

/** An antd rule that runs a contract schema, so the form and the server agree on every limit. */
function contractRule(
  schema: z.ZodType,
  fieldText: FieldText,
  options: { optional: boolean; toInput?: (value: unknown) => unknown },
): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
      if (empty) {
        if (options.optional) return;
        throw new Error(fieldText('REQUIRED'));
      }
      const input = options.toInput ? options.toInput(value) : value;
      const result = schema.safeParse(input);
      if (!result.success) throw new Error(fieldText(zodFieldCode(result.error.issues[0]!, input)));
    },
  };
}

/** Form rules per field of the register-organisation form, built from contracts/organizations.ts. */
export function organizationFormRules(fieldText: FieldText) {
  return {
    nameZh: [contractRule(bilingualNameSchema.shape.zh, fieldText, { optional: false })],
    nameEn: [contractRule(bilingualNameSchema.shape.en, fieldText, { optional: false })],
    kind: [{ required: true, message: fieldText('REQUIRED') }],
    uscc: [contractRule(usccSchema, fieldText, { optional: false })],
    foundedOn: [contractRule(foundedOnSchema, fieldText, { optional: true, toInput: (value) => (value as Dayjs).format('YYYY-MM-DD') })],
    website: [contractRule(websiteSchema, fieldText, { optional: true })],
  } satisfies Record<string, FormRule[]>;
}
