import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../../contracts/error-messages';
import { LanguageSwitch } from '../layout/language-switch';
import { i18n } from './i18n';
import { LocaleProvider, useLocale } from './locale-context';
import { readStoredLocale, storeLocale } from './locale-storage';

/** What a hub page sees: the hub layout sets its default, the page reads the resolved language. */
function HubPage({ hubDefault }: { hubDefault: Locale }) {
  const { locale, setHubDefault } = useLocale();
  useEffect(() => setHubDefault(hubDefault), [hubDefault, setHubDefault]);
  return <output aria-label="locale">{locale}</output>;
}

function renderHub(browser: string, hubDefault: Locale = 'zh-CN') {
  vi.stubGlobal('navigator', { ...navigator, language: browser });
  return render(
    <I18nextProvider i18n={i18n}>
      <LocaleProvider>
        <LanguageSwitch />
        <HubPage hubDefault={hubDefault} />
      </LocaleProvider>
    </I18nextProvider>,
  );
}

const shown = () => screen.getByRole('status', { name: 'locale' }).textContent;

describe('the page language', () => {
  it('follows an English browser into a hub whose default is Chinese', async () => {
    renderHub('en-US');
    expect(shown()).toBe('en-US');
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('en-US'));
  });

  it('follows a Chinese browser into a hub whose default is English', () => {
    renderHub('zh-CN', 'en-US');
    expect(shown()).toBe('zh-CN');
  });

  it('gives a browser in a language we do not have the hub default', () => {
    renderHub('fr-FR', 'zh-CN');
    expect(shown()).toBe('zh-CN');
  });

  it('gives the hub default to a browser in another language whatever the default is', () => {
    renderHub('fr-FR', 'en-US');
    expect(shown()).toBe('en-US');
  });

  it('lets a stored choice win over both the browser and the hub default', () => {
    storeLocale('zh-CN');
    renderHub('en-US', 'en-US');
    expect(shown()).toBe('zh-CN');
  });

  it('stores the choice when the language already shown is picked again', async () => {
    renderHub('en-US');
    expect(readStoredLocale()).toBeNull();
    await userEvent.click(screen.getByText('English', { exact: true }));
    expect(readStoredLocale()).toBe('en-US');
    expect(shown()).toBe('en-US');
  });

  it('stores and shows a newly picked language', async () => {
    renderHub('en-US');
    await userEvent.click(screen.getByText('中文', { exact: true }));
    expect(readStoredLocale()).toBe('zh-CN');
    expect(shown()).toBe('zh-CN');
  });
});
