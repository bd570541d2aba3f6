import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText } from '../errors/use-field-error-text';

/**
 * A whole number typed into a text input (a row's beds, weight, scale or months), within the
 * contract's limits: REQUIRED when empty, else one sentence that names the range. The server
 * checks the same limits again.
 */
export function useWholeNumberRules(): (min: number, max: number) => FormRule[] {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  return (min, max) => [
    { required: true, whitespace: true, message: fieldText('REQUIRED') },
    {
      validator: async (_, value: unknown) => {
        const text = String(value ?? '').trim();
        if (!text) return;
        if (!/^\d{1,4}$/.test(text) || Number(text) < min || Number(text) > max) throw new Error(t('forms.wholeNumber', { min, max }));
      },
    },
  ];
}
