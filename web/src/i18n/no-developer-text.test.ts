import { describe, expect, it } from 'vitest';
import { auditEnUS } from '../audit/audit.en-US';
import { auditZhCN } from '../audit/audit.zh-CN';
import { enUS } from './en-US';
import { developerTextIn } from './developer-text';
import { zhCN } from './zh-CN';

// Every seed file, as the seed command reads it.
const seedFiles = import.meta.glob<unknown>('../../../seed/*.json', { eager: true, import: 'default' });

/** Every string people read: the leaves of a UI catalog; in the seed, zh/en pairs and sources. */
function catalogLeaves(value: unknown, at: string): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => catalogLeaves(child, `${at}.${key}`));
}

// Sources and their notes are shown on fact, relation and person pages.
const shownKeys = new Set(['zh', 'en', 'source', 'sources', 'note', 'title', 'label', 'reason']);

function seedTexts(value: unknown, at: string, key: string): { at: string; text: string }[] {
  if (typeof value === 'string') return shownKeys.has(key) ? [{ at, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((child, index) => seedTexts(child, `${at}[${index}]`, key));
  if (typeof value !== 'object' || value === null) return [];
  // Keys starting with "_" are notes for whoever edits the seed, never shown.
  return Object.entries(value)
    .filter(([child]) => !child.startsWith('_'))
    .flatMap(([child, v]) => seedTexts(v, `${at}.${child}`, child));
}

describe('text people read', () => {
  it('recognises developer text: docs paths, MIME types, raw codes, seed jargon', () => {
    expect(developerTextIn('来源：某政策（见 docs/domain.md）。')).toBe('docs/domain.md');
    expect(developerTextIn('Source: a policy (see docs/domain.md).')).toBe('docs/domain.md');
    expect(developerTextIn('可接受：application/pdf, image/*')).toBe('application/pdf');
    expect(developerTextIn('Failed with VALIDATION_FAILED')).toBe('VALIDATION_FAILED');
    expect(developerTextIn('据种子文章')).toBe('种子文章');
    expect(developerTextIn('The seed article says so')).toBe('seed article');
    expect(developerTextIn('每人 10 平方米，三年免租；团队承担 40% 水电费。')).toBeNull();
    expect(developerTextIn('Dream Town (梦想小镇) incubation policy, CNY 5 m / 50 万元, PDF or images')).toBeNull();
  });

  it('has none in the UI catalogs, in either language', () => {
    const found = [
      ...catalogLeaves(zhCN, 'zh-CN'),
      ...catalogLeaves(enUS, 'en-US'),
      ...catalogLeaves(auditZhCN, 'zh-CN.audit'),
      ...catalogLeaves(auditEnUS, 'en-US.audit'),
    ]
      .map(({ at, text }) => ({ at, hit: developerTextIn(text) }))
      .filter(({ hit }) => hit !== null);
    expect(found).toEqual([]);
  });

  it('has none in the names, descriptions and sources of the seed', () => {
    const files = Object.entries(seedFiles);
    expect(files.length).toBeGreaterThan(5);
    const texts = files.flatMap(([file, content]) => seedTexts(content, file.split('/').pop()!, ''));
    expect(texts.length).toBeGreaterThan(100);
    const found = texts.map(({ at, text }) => ({ at, hit: developerTextIn(text) })).filter(({ hit }) => hit !== null);
    expect(found).toEqual([]);
  });
});
