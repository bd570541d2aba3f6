import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { programDraftSchema } from '../../../contracts/applications';
import seedFile from '../../../seed/programs.json';
import { loading } from '../../test/capabilities';
import { fakeServer } from '../../test/fake-server';
import { servedProgram } from '../../test/program-editor';
import { renderInApp } from '../../test/render';
import { ProgramEditorPage } from './program-editor.page';

// happy-dom has no canvas: the simulation card's chart stands in as its labelled figure.
vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const seed = seedFile as { programs: { draft: unknown }[] };
const draft = { ...programDraftSchema.parse(seed.programs[0]!.draft), budgetLine: 'rd-grants', fiscalYear: 2026 };
const id = '01a2373f-0000-7000-8000-0000000000d1';
const line = (code: string, zh: string, en: string) => ({
  id: `01a2373f-0000-7000-8000-0000000000${code === 'rd-grants' ? 'd2' : 'd3'}`,
  code,
  name: { zh, en },
  balance: '0',
  committed: '0',
  disbursed: '0',
  free: '0',
});

function openEditor(locale: 'zh-CN' | 'en-US') {
  const program = servedProgram(draft, id);
  fakeServer(({ path }) => {
    if (path === `/api/hubs/hangzhou/programs/${id}`) return { status: 200, body: program };
    if (path === '/api/hubs/hangzhou/fiscal-years/2026/envelope')
      return {
        status: 200,
        body: {
          year: 2026,
          status: 'open',
          revenue: '0',
          techShareBasisPoints: 1500,
          envelope: '0',
          unallocated: '0',
          lines: [line('rd-grants', '人工智能重大研发资助', 'Major AI R&D grants'), line('compute-vouchers', '算力券', 'Compute vouchers')],
        },
      };
    if (path.startsWith('/api/hubs/hangzhou/programs?')) return { status: 200, body: { items: [], next: null } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/programs/:id/edit" element={<ProgramEditorPage />} />
    </Routes>,
    { locale, path: `/hubs/hangzhou/programs/${id}/edit` },
  );
}

describe('the program editor’s budget line', () => {
  it.each([
    ['zh-CN', '预算科目', '人工智能重大研发资助', '算力券'],
    ['en-US', 'Budget line', 'Major AI R&D grants', 'Compute vouchers'],
  ] as const)('names the line, not its code; the choices are names with the code beside (%s)', async (locale, label, chosen, other) => {
    openEditor(locale);
    const field = (await screen.findByLabelText(label, undefined, loading)).closest('.ant-form-item') as HTMLElement;
    await vi.waitFor(() => expect(field.querySelector('.ant-select')!.textContent).toContain(chosen), loading);
    expect(field.querySelector('.ant-select')!.textContent).not.toContain('rd-grants');
    await userEvent.click(within(field).getByRole('combobox'));
    const option = await screen.findByRole('option', { name: other });
    expect(option).toBeTruthy();
    expect(document.querySelector('.ant-select-dropdown')!.textContent).toContain('compute-vouchers');
  });
});
