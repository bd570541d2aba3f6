import { Route, Routes } from 'react-router';
import type { Program, ProgramDraft } from '../../contracts/applications';
import type { Locale } from '../../contracts/error-messages';
import { ProgramEditorPage } from '../src/programs/program-editor.page';
import { fakeServer, type SeenRequest } from './fake-server';
import { renderInApp } from './render';

type Reply = { status: number; body?: unknown };

/** A program draft as the server answers it to its officer: a draft of Hangzhou's, version 1, that they may edit and publish. */
export function servedProgram(draft: ProgramDraft, id: string): Program {
  return {
    ...draft,
    id,
    hub: 'hangzhou',
    status: 'draft',
    allowedActions: ['edit', 'publish'],
    claimField: draft.claimField ?? null,
    version: 1,
    applicantType: draft.rules.applicantType,
    mode: draft.rules.mode,
    criteria: [],
    form: draft.rules.form,
    benefit: draft.rules.benefit,
    milestones: draft.rules.review?.milestones ?? [],
    budgetLeft: null,
  } as Program;
}

/**
 * The program editor page for `program` on a fake server: the program loaded, a save
 * answered by `put` (by default as version 2), the hub's programs listed as `programs`,
 * anything else not found. Returns every request the page sent.
 */
export function openProgramEditor(
  program: Program,
  { locale = 'en-US', programs = [], put }: { locale?: Locale; programs?: Program[]; put?: (request: SeenRequest) => Reply } = {},
): SeenRequest[] {
  const seen = fakeServer((r) => {
    if (r.path === `/api/hubs/hangzhou/programs/${program.id}`) {
      if (r.method !== 'PUT') return { status: 200, body: program };
      return put ? put(r) : { status: 200, body: { ...program, version: 2 } };
    }
    if (r.path.startsWith('/api/hubs/hangzhou/programs?')) return { status: 200, body: { items: programs, next: null } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/programs/:id/edit" element={<ProgramEditorPage />} />
    </Routes>,
    { locale, path: `/hubs/hangzhou/programs/${program.id}/edit` },
  );
  return seen;
}
