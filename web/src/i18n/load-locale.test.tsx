import { act, render, screen } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';

/**
 * The app as a browser starts it: only the page's language loaded (the test setup loads both,
 * so these tests take fresh copies of the i18n modules, in which nothing has loaded yet).
 */
async function freshStart() {
  vi.resetModules();
  const { loadLocale, loadedLocale } = await import('./load-locale');
  const { i18n, initI18n } = await import('./i18n');
  const { LocaleProvider, useLocale } = await import('./locale-context');
  const { I18nextProvider, useTranslation } = await import('react-i18next');
  await loadLocale('zh-CN');
  initI18n('zh-CN');

  let choose: (locale: 'zh-CN' | 'en-US') => void = () => {};
  function Page() {
    const { t } = useTranslation();
    const { locale, chooseLocale } = useLocale();
    choose = chooseLocale;
    return (
      <output aria-label="page">
        {locale} {t('language.label')}
      </output>
    );
  }
  render(
    <I18nextProvider i18n={i18n}>
      <LocaleProvider>
        <Page />
      </LocaleProvider>
    </I18nextProvider>,
  );
  return { i18n, loadedLocale, choose: (locale: 'zh-CN' | 'en-US') => void act(() => choose(locale)) };
}

const page = () => screen.getByRole('status', { name: 'page' }).textContent;

describe('loading a language', () => {
  it('loads only the language the page starts in', async () => {
    vi.stubGlobal('navigator', { ...navigator, language: 'zh-CN' });
    const { loadedLocale } = await freshStart();
    expect(loadedLocale('zh-CN')).toBeDefined();
    expect(loadedLocale('en-US')).toBeUndefined();
    expect(dayjs.locale()).toBe('zh-cn');
  });

  it('keeps the page in its language while the other loads, then switches everything at once', async () => {
    vi.stubGlobal('navigator', { ...navigator, language: 'zh-CN' });
    const { i18n, loadedLocale, choose } = await freshStart();
    const chinese = page();
    expect(chinese).toMatch(/^zh-CN /);

    choose('en-US');
    // English has not loaded yet: the page stays all Chinese (no keys, no mix).
    expect(loadedLocale('en-US')).toBeUndefined();
    expect(page()).toBe(chinese);
    expect(i18n.language).toBe('zh-CN');

    await vi.waitFor(() => expect(page()).toMatch(/^en-US /));
    expect(page()).not.toBe(chinese);
    expect(page()).not.toContain('language.label');
    expect(i18n.language).toBe('en-US');
    expect(dayjs.locale()).toBe('en');
    expect(document.documentElement.lang).toBe('en-US');
  });
});
