import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { CheckObligationsForm } from './check-obligations.form';

const words = {
  'zh-CN': { check: '立即核查', done: '已核查 12 项附有资助后义务的资助，新增 2 项核查发现。', forbidden: '您没有执行此操作的权限。' },
  'en-US': { check: 'Check obligations now', done: 'Checked 12 awards that carry obligations: 2 new findings.', forbidden: 'You are not allowed to do this.' },
};

describe('CheckObligationsForm: an officer runs the obligations check, on the one form pattern', () => {
  it.each(['zh-CN', 'en-US'] as const)('runs it and says what it found (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: { awards: 12, findings: 2 } }));
    renderInApp(<CheckObligationsForm hub="hangzhou" />, { locale });
    await userEvent.click(screen.getByRole('button', { name: words[locale].check }));
    expect((await screen.findByRole('status')).textContent).toContain(words[locale].done);
    expect(seen.map((r) => [r.method, r.path])).toEqual([['POST', '/api/hubs/hangzhou/obligation-checks']]);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal above the button, and no result (%s)', async (locale) => {
    fakeServer(() => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'x' } } }));
    renderInApp(<CheckObligationsForm hub="hangzhou" />, { locale });
    await userEvent.click(screen.getByRole('button', { name: words[locale].check }));
    expect((await screen.findByRole('alert')).textContent).toContain(words[locale].forbidden);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
