import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { PublishProgramForm } from './publish-program.form';

const id = '01a2373f-0000-7000-8000-0000000000d0';
const words = {
  'zh-CN': { publish: /^发\s?布$/, sure: '确定发布', done: '已发布。', forbidden: '您没有执行此操作的权限。' },
  'en-US': { publish: /^Publish$/, sure: 'Yes, publish', done: 'Published.', forbidden: 'You are not allowed to do this.' },
};

describe('PublishProgramForm: an officer publishes a program, on the one form pattern', () => {
  it.each(['zh-CN', 'en-US'] as const)('publishes that program and says so (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<PublishProgramForm hub="hangzhou" id={id} />, { locale });
    await userEvent.click(screen.getByRole('button', { name: words[locale].publish }));
    // Asked first: nothing is sent until the officer says yes.
    expect(seen.filter((r) => r.method === 'POST')).toEqual([]);
    await userEvent.click(await screen.findByRole('button', { name: words[locale].sure }));
    expect(await screen.findByText(words[locale].done)).toBeTruthy();
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`/api/hubs/hangzhou/programs/${id}/publish`]);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal above the button, not as a passing toast (%s)', async (locale) => {
    fakeServer(() => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'x' } } }));
    renderInApp(<PublishProgramForm hub="hangzhou" id={id} />, { locale });
    await userEvent.click(screen.getByRole('button', { name: words[locale].publish }));
    await userEvent.click(await screen.findByRole('button', { name: words[locale].sure }));
    // The form's own error Alert (a toast would be an alert too, but passing and elsewhere).
    await vi.waitFor(() => expect(document.querySelector('form .ant-alert-error')?.textContent).toContain(words[locale].forbidden));
    expect(screen.queryByText(words[locale].done)).toBeNull();
  });
});
