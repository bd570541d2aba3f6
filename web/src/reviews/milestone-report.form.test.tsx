import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { MilestoneReportForm } from './milestone-report.form';

const stored = (id: string, name: string, size: number) => ({
  id,
  name,
  mediaType: 'application/pdf',
  size,
  sha256: '0'.repeat(64),
  createdAt: '2027-06-01T00:00:00.000Z',
});
const ids = { statement: '01900000-0000-7000-8000-000000000001', photo: '01900000-0000-7000-8000-000000000002' };

const words = {
  'zh-CN': { text: '报告内容', submit: '提交报告', attach: '添加附件', remove: '移除 prototype.png', notFound: '找不到这个文件，请重新上传。' },
  'en-US': {
    text: 'Report',
    submit: 'Submit report',
    attach: 'Attach files',
    remove: 'Remove prototype.png',
    notFound: 'This file was not found; please upload it again.',
  },
};

/** A server that stores each upload under the next id and answers the report with `report`. */
function server(report: (r: SeenRequest) => { status: number; body?: unknown }) {
  const queue = [stored(ids.statement, '财务报表.pdf', 2_400_000), stored(ids.photo, 'prototype.png', 30_000)];
  return fakeServer((r) => (r.path.startsWith('/api/hubs/hangzhou/files') ? { status: 201, body: queue.shift() } : report(r)));
}

async function fill(locale: keyof typeof words) {
  const form = screen.getByRole('button', { name: new RegExp(words[locale].attach) }).closest('form') as HTMLElement;
  const input = form.querySelector('input[type=file]') as HTMLInputElement;
  await userEvent.upload(input, [
    new File(['%PDF-1.7'], '财务报表.pdf', { type: 'application/pdf' }),
    new File(['png'], 'prototype.png', { type: 'image/png' }),
  ]);
  await userEvent.type(within(form).getByLabelText(words[locale].text), 'Prototype delivered');
  return form;
}

describe('MilestoneReportForm', () => {
  it.each(['zh-CN', 'en-US'] as const)('uploads the chosen files, lets one go, and sends the ids of those kept with the text (%s)', async (locale) => {
    const seen = server(() => ({ status: 200, body: {} }));
    const onDone = vi.fn(async () => undefined);
    renderInApp(<MilestoneReportForm hub="hangzhou" applicationId="a1" milestone="midterm" onDone={onDone} />, { locale });
    const form = await fill(locale);
    const attachments = within(form).getByTestId('file-attachments');
    await waitFor(() => expect(attachments.textContent).toContain('prototype.png'));
    expect(attachments.textContent).toContain('财务报表.pdf');
    expect(attachments.textContent).toContain('2.3 MB');
    expect(seen.map((r) => [r.method, r.path])).toEqual([
      ['POST', `/api/hubs/hangzhou/files?name=${encodeURIComponent('财务报表.pdf')}`],
      ['POST', '/api/hubs/hangzhou/files?name=prototype.png'],
    ]);
    await userEvent.click(within(attachments).getByRole('button', { name: words[locale].remove }));
    expect(attachments.textContent).not.toContain('prototype.png');
    await userEvent.click(within(form).getByRole('button', { name: words[locale].submit }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/hubs/hangzhou/applications/a1/milestones/midterm/report',
      body: { text: 'Prototype delivered', attachments: [ids.statement] },
    });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s refusal of a file under the attachments (%s)', async (locale) => {
    server(() => validationFailed('attachments.1', 'FILE_NOT_FOUND'));
    renderInApp(<MilestoneReportForm hub="hangzhou" applicationId="a1" milestone="midterm" onDone={async () => undefined} />, { locale });
    const form = await fill(locale);
    await waitFor(() => expect(within(form).getByTestId('file-attachments').textContent).toContain('prototype.png'));
    await userEvent.click(within(form).getByRole('button', { name: words[locale].submit }));
    expect(await within(form).findByText(words[locale].notFound)).toBeTruthy();
  });

  it('starts a returned report from the files it had', async () => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    const attached = [{ id: ids.statement, name: '财务报表.pdf', mediaType: 'application/pdf', size: 2_400_000 }];
    renderInApp(<MilestoneReportForm hub="hangzhou" applicationId="a1" milestone="midterm" attached={attached} onDone={async () => undefined} />, {
      locale: 'en-US',
    });
    expect(screen.getByTestId('file-attachments').textContent).toContain('财务报表.pdf');
    await userEvent.type(screen.getByLabelText('Report'), 'Bank statement added');
    await userEvent.click(screen.getByRole('button', { name: 'Submit report' }));
    await waitFor(() => expect(seen.at(-1)?.body).toEqual({ text: 'Bank statement added', attachments: [ids.statement] }));
  });
});
