import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contracts/error-messages';
import { useLocale } from '../i18n/locale-context';

// Each language is named in itself, so a person who cannot read the current one still finds theirs.
const options: { label: string; value: Locale }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en-US' },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, chooseLocale } = useLocale();
  return <Segmented<Locale> aria-label={t('language.label')} options={options} value={locale} onChange={(value) => chooseLocale(value)} />;
}
