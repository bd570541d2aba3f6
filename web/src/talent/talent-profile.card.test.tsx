import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TalentProfile } from '../../../contracts/talent';
import { loading } from '../../test/capabilities';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { TalentProfileCard } from './talent-profile.card';

const kept = ['01a2373f-0000-7000-8000-0000000000f1', '01a2373f-0000-7000-8000-0000000000f2'];
const added = { id: '01a2373f-0000-7000-8000-0000000000f3', name: '学位证书.pdf', mediaType: 'application/pdf', size: 1000 };
const profile: TalentProfile = {
  personId: '01a2373f-0000-7000-8000-0000000000e1',
  employer: null,
  evidence: kept,
  degrees: [],
  tier: null,
};

function server() {
  let current = profile;
  return fakeServer((r: SeenRequest) => {
    if (r.method === 'POST' && r.path.startsWith('/api/hubs/hangzhou/files'))
      return { status: 201, body: { ...added, sha256: '0'.repeat(64), createdAt: '2026-12-01T00:00:00.000Z' } };
    if (r.method === 'PUT') {
      current = { ...current, evidence: (r.body as { evidence: string[] }).evidence };
      return { status: 200, body: current };
    }
    return { status: 200, body: current };
  });
}

describe('TalentProfileCard: evidence files', () => {
  it.each([
    ['zh-CN', ['删除“文件 1”', '删除“文件 2”'], '删除“学位证书.pdf”', '添加文件'],
    ['en-US', ['Remove File 1', 'Remove File 2'], 'Remove 学位证书.pdf', 'Add a file'],
  ] as const)('gives each remove button the name of its file, never the same label twice (%s)', async (locale, removes, removeAdded, add) => {
    server();
    renderInApp(<TalentProfileCard hub="hangzhou" />, { locale });
    for (const name of removes) expect(await screen.findByRole('button', { name }, loading)).toBeTruthy();
    // A file kept from before is named by its place, never by its id.
    expect(document.body.textContent).not.toMatch(/0000000000f[12]/);

    expect(screen.getByText(add)).toBeTruthy();
    const upload = document.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(upload, new File(['%PDF-1.7'], added.name, { type: 'application/pdf' }));
    expect(await screen.findByRole('button', { name: removeAdded }, loading)).toBeTruthy();
    const labels = screen
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'))
      .filter(Boolean);
    expect(new Set(labels).size).toBe(labels.length);
    expect(within(screen.getByRole('link', { name: added.name })).getByText(added.name)).toBeTruthy();
  });
});
