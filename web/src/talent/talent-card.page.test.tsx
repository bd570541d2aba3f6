import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { TalentCardPage } from './talent-card.page';

const profile = { personId: '01a2373f-0000-7000-8000-0000000000d1', employer: null, evidence: [], degrees: [] };
const card = {
  id: '01a2373f-0000-7000-8000-0000000000d2',
  tier: 'E',
  expiresOn: '2029-12-06',
  status: 'valid',
  token: 'abc.def',
  verifyPath: '/hubs/hangzhou/talent/verify#abc.def',
};
const notFound = { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };

function openPage(locale: 'zh-CN' | 'en-US', hasCard: boolean) {
  fakeServer(({ path }) => (path.endsWith('/talent/profile') ? { status: 200, body: profile } : hasCard ? { status: 200, body: card } : notFound));
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/talent-card" element={<TalentCardPage />} />
    </Routes>,
    { locale, path: '/hubs/hangzhou/talent-card' },
  );
}

describe('TalentCardPage', () => {
  it('without a class, says how to get one and leads to the evidence in the profile, in Chinese', async () => {
    openPage('zh-CN', false);
    expect(await screen.findByRole('heading', { level: 1, name: '您还没有有效的人才认定。' })).toBeTruthy();
    expect(screen.getByText(/由本市工作人员查阅您人才档案中的证明材料后认定/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '上传证明材料' }).getAttribute('href')).toBe('#talent-profile');
    expect(document.getElementById('talent-profile')).toBeTruthy();
  });

  it('without a class, says how to get one, in English', async () => {
    openPage('en-US', false);
    expect(await screen.findByRole('heading', { level: 1, name: 'You hold no current talent class.' })).toBeTruthy();
    expect(screen.getByText(/granted by a hub officer after reading the evidence in your talent profile/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add evidence' }).getAttribute('href')).toBe('#talent-profile');
  });

  it('writes the card’s last day as the rest of the app does', async () => {
    openPage('zh-CN', true);
    expect(await screen.findByText('2029年12月6日')).toBeTruthy();
    expect(document.body.textContent).not.toContain('2029-12-06');
  });

  it('writes the card’s last day in English', async () => {
    openPage('en-US', true);
    expect(await screen.findByText('Dec 6, 2029')).toBeTruthy();
  });
});
