import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { HubRole } from '../../../contracts/auth';
import { capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import { type SeenRequest, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ImportPage } from './import.page';

function renderImport(grants: Grants, roles: HubRole[]) {
  fakeServerWith(capabilitiesWith(grants, roles));
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/import" element={<ImportPage />} />
    </Routes>,
    { path: '/hubs/hangzhou/import' },
  );
}

describe('ImportPage (follows the server’s capabilities, not roles)', () => {
  it('opens for whoever the server lets import', async () => {
    renderImport({ organizations: { import: true } }, []);
    expect(await screen.findByRole('heading', { name: '导入与导出', level: 1 }, loading)).toBeTruthy();
    expect(screen.queryByText('只有枢纽管理员和项目专员可以导入数据。')).toBeNull();
  });

  it('is closed to someone the server does not let import, whatever their roles', async () => {
    renderImport({ organizations: { export: true }, people: { read: true, create: true } }, ['program_officer']);
    expect(await screen.findByText('只有枢纽管理员和项目专员可以导入数据。', undefined, loading)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '导入与导出', level: 1 })).toBeNull();
  });
});

const csv = 'table,name_zh\norganizations,深度机器人\n';
const importPath = (dryRun: boolean) => `/api/hubs/hangzhou/ecosystem/import?format=csv&partial=false&dryRun=${dryRun}`;
const result = (dryRun: boolean) => ({ written: { organizations: 1, people: 0, relations: 0, facts: 0 }, errors: [], errorCount: 0, rejected: 0, dryRun });
const words = {
  'zh-CN': { title: '导入与导出', dryRun: '试运行', required: '此项必填。' },
  'en-US': { title: 'Import and export', dryRun: 'Dry run', required: 'This field is required.' },
};

/** The import page for someone the server lets import, answering the import with `reply`; returns what was sent. */
async function openImport(reply: (request: SeenRequest) => { status: number; body?: unknown }, locale: keyof typeof words = 'zh-CN') {
  const seen = fakeServerWith(capabilitiesWith({ organizations: { import: true } }), (request) =>
    request.path.startsWith('/api/hubs/hangzhou/ecosystem/import') ? reply(request) : undefined,
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/import" element={<ImportPage />} />
    </Routes>,
    { path: '/hubs/hangzhou/import', locale },
  );
  await screen.findByRole('heading', { name: words[locale].title, level: 1 }, loading);
  await userEvent.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, new File([csv], 'ecosystem.csv', { type: 'text/csv' }));
  return seen;
}

const imports = (seen: SeenRequest[]) => seen.filter((r) => r.path.startsWith('/api/hubs/hangzhou/ecosystem/import'));
/** The form item around the drop zone: where a problem with the file shows. */
const fileItem = () => document.querySelector('input[type=file]')!.closest('.ant-form-item')!;

describe('ImportPage (the one form pattern: dry run, then import)', () => {
  it('sends the chosen file for a dry run, shows what would be written, then imports it', async () => {
    const seen = await openImport((request) => ({ status: 200, body: result(request.path.endsWith('dryRun=true')) }));
    await userEvent.click(screen.getByRole('button', { name: '试运行' }));
    expect(await screen.findByText('试运行结果')).toBeTruthy();
    expect(screen.getByText('机构')).toBeTruthy();
    expect(imports(seen).map((r) => [r.method, r.path, r.body])).toEqual([['POST', importPath(true), csv]]);
    await userEvent.click(screen.getByRole('button', { name: '确认导入' }));
    await vi.waitFor(() => expect(imports(seen).map((r) => r.path)).toEqual([importPath(true), importPath(false)]));
    expect(imports(seen)[1]!.body).toBe(csv);
    await vi.waitFor(() => expect(screen.queryByText('试运行结果')).toBeNull());
  });

  it('says under the file that only XLSX or CSV will do, and sends nothing', async () => {
    const seen = await openImport(() => ({ status: 200, body: result(true) }));
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.setup({ applyAccept: false }).upload(input, new File(['x'], 'notes.txt', { type: 'text/plain' }));
    await userEvent.click(screen.getByRole('button', { name: '试运行' }));
    await vi.waitFor(() => expect(fileItem().textContent).toContain('只支持 .xlsx 或 .csv 文件。'));
    expect(imports(seen)).toEqual([]);
  });

  it('cannot import before a dry run', async () => {
    await openImport(() => ({ status: 200, body: result(true) }));
    expect(screen.getByRole('button', { name: '确认导入' }).hasAttribute('disabled')).toBe(true);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on the file under the file (%s)', async (locale) => {
    await openImport(() => validationFailed('body', 'REQUIRED'), locale);
    await userEvent.click(screen.getByRole('button', { name: words[locale].dryRun }));
    await vi.waitFor(() => expect(fileItem().textContent).toContain(words[locale].required));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refusal that is about no field above the form', async () => {
    await openImport(() => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'forbidden' } } }));
    await userEvent.click(screen.getByRole('button', { name: '试运行' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText('试运行结果')).toBeNull();
  });
});
