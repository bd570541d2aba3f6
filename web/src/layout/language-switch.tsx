import { Segmented } from 'antd';
import type { MouseEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contracts/error-messages';
import { useLocale } from '../i18n/locale-context';

// Each language is named in itself (and marked so), so a person who cannot read the current one still finds theirs.
const options: { label: ReactElement; value: Locale; title: string }[] = [
  {
    label: (
      <span lang="zh-CN" data-locale="zh-CN">
        中文
      </span>
    ),
    value: 'zh-CN',
    title: '中文',
  },
  {
    label: (
      <span lang="en-US" data-locale="en-US">
        English
      </span>
    ),
    value: 'en-US',
    title: 'English',
  },
];

/** The option a click landed on, anywhere in its item (the radio's change does not fire for the one already shown). */
function clickedLocale(event: MouseEvent<HTMLDivElement>): Locale | undefined {
  const item = (event.target as Element).closest('label');
  return options.find(({ value }) => item?.querySelector(`[data-locale="${value}"]`))?.value;
}

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, chooseLocale } = useLocale();
  return (
    <Segmented<Locale>
      aria-label={t('language.label')}
      options={options}
      value={locale}
      onChange={(value) => chooseLocale(value)}
      // Picking the language already shown (it followed the browser) still stores the choice.
      onClick={(event) => {
        const picked = clickedLocale(event);
        if (picked) chooseLocale(picked);
      }}
    />
  );
}
