import type { FormRule } from 'antd';
import type { z } from 'zod';
import { zodFieldCode } from '../errors/zod-field-code';

type FieldText = (code: string) => string;

/** Nothing typed or chosen: no value, blank text, or an empty multiple choice. */
const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/**
 * The one adapter from a contract's Zod schema to an antd rule: the form checks exactly
 * what the server will, and names a failure with the server's field code in the user's
 * language. An empty value is REQUIRED unless `optional`; `toInput` turns the control's
 * value (a Dayjs, a yuan text) into what the schema parses.
 */
export function zodRule(schema: z.ZodType, fieldText: FieldText, options: { optional?: boolean; toInput?: (value: unknown) => unknown } = {}): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isEmpty(value)) {
        if (options.optional) return;
        throw new Error(fieldText('REQUIRED'));
      }
      const input = options.toInput ? options.toInput(value) : value;
      const result = schema.safeParse(input);
      if (!result.success) throw new Error(fieldText(zodFieldCode(result.error.issues[0]!, input)));
    },
  };
}
