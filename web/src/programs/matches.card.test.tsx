import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { MyMatchesCard } from './matches.card';

const organizationId = '0190a0b0-0000-7000-8000-0000000000aa';
const deep = { id: organizationId, name: { zh: '深度求索', en: 'DeepSeek' } };
const match = {
  program: { id: '0190a0b0-0000-7000-8000-0000000000e1', name: { zh: '算力券', en: 'Compute voucher' }, kind: 'voucher', closesOn: '2999-12-31' },
  applicant: { type: 'organization', id: organizationId, name: deep.name },
  reasons: [],
  atApplication: [],
};

function renderCard(role: string, locale: 'zh-CN' | 'en-US' = 'en-US') {
  fakeServer((r: SeenRequest) => {
    if (r.path === '/api/me')
      return { status: 200, body: { user: { id: 'u', name: 'CTO', email: 'cto@deep.demo' }, organizations: [{ hub: 'hangzhou', ...deep, role }] } };
    if (r.path.startsWith('/api/hubs/hangzhou/matches')) return { status: 200, body: { items: [match], next: null } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(<MyMatchesCard hub="hangzhou" />, { locale });
}

const words = {
  'zh-CN': { apply: '立即申请', viewOnly: '您可以查看此匹配。如需申请，请联系深度求索的负责人或有申请权限的同事。' },
  'en-US': { apply: 'Apply now', viewOnly: 'You can view this match. DeepSeek’s owner, or a colleague who may apply, can apply.' },
} as const;

describe('MyMatchesCard (programs): apply now only for a company one may act for', () => {
  it.each(['zh-CN', 'en-US'] as const)('one who only views the company sees the match, no apply button, and why (%s)', async (locale) => {
    renderCard('viewer', locale);
    const item = await screen.findByRole('listitem', { name: locale === 'zh-CN' ? '算力券' : 'Compute voucher' });
    expect(await within(item).findByText(words[locale].viewOnly)).toBeTruthy();
    expect(within(item).queryByRole('button', { name: words[locale].apply })).toBeNull();
  });

  it.each(['owner', 'applicant'] as const)('an %s may apply', async (role) => {
    renderCard(role);
    const item = await screen.findByRole('listitem', { name: 'Compute voucher' });
    expect(await within(item).findByRole('button', { name: words['en-US'].apply })).toBeTruthy();
    expect(within(item).queryByText(words['en-US'].viewOnly)).toBeNull();
  });
});
