import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { breachFinding } from './finding.fixture';
import { OwnFindingsCard } from './own-findings.card';

describe('OwnFindingsCard', () => {
  it.each([
    ['zh-CN', { appeal: '可在 2026年11月15日 前提出申诉。', period: '2026年3月1日至2029年3月1日', owed: '应于 2026年12月1日 前退回 1万元' }],
    ['en-US', { appeal: 'You may appeal until Nov 15, 2026.', period: 'Mar 1, 2026 – Mar 1, 2029', owed: 'CNY 10,000 due by Dec 1, 2026' }],
  ] as const)('tells the awardee each day in the page’s language (%s)', async (locale, days) => {
    fakeServer(() => ({ status: 200, body: { items: [breachFinding], next: null } }));
    renderInApp(<OwnFindingsCard hub="hangzhou" applicationId={breachFinding.applicationId} />, { locale });
    expect(await screen.findByText(days.appeal, undefined, loading)).toBeTruthy();
    expect(screen.getByText(days.period)).toBeTruthy();
    expect(screen.getByText(days.owed)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
