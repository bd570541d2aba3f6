import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { CompareHubsPage } from './compare-hubs.page';

vi.mock('./echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const hub = (slug: string, zh: string, en: string) => ({
  slug,
  name: { zh, en },
  organizations: 3,
  bySector: [],
  byFoundingYear: [],
  founderUniversities: [],
  fundingRaised: [],
  dragons: [],
});

function openPage(locale: 'zh-CN' | 'en-US') {
  fakeServer(({ path }) =>
    path.startsWith('/api/compare') ? { status: 200, body: { hubs: [hub('hangzhou', '杭州', 'Hangzhou')] } } : { status: 200, body: [] },
  );
  renderInApp(<CompareHubsPage />, { locale });
}

describe('CompareHubsPage', () => {
  it('labels the funding raised with the Chinese full-width colon', async () => {
    openPage('zh-CN');
    expect(await screen.findByText('累计融资：')).toBeTruthy();
    expect(document.body.textContent).not.toContain('累计融资:');
  });

  it('labels it with an English colon', async () => {
    openPage('en-US');
    expect(await screen.findByText('Funding raised:')).toBeTruthy();
  });
});
