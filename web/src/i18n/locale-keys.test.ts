import { describe, expect, it } from 'vitest';
import { auditEnUS } from '../audit/audit.en-US';
import { auditZhCN } from '../audit/audit.zh-CN';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('UI string catalogs', () => {
  it('have the same keys in zh-CN and en-US', () => {
    expect(keyPaths(enUS).sort()).toEqual(keyPaths(zhCN).sort());
    // The audit log's words, which load with its page (audit/audit-words.ts).
    expect(keyPaths(auditEnUS).sort()).toEqual(keyPaths(auditZhCN).sort());
  });

  it('have no empty strings', () => {
    for (const catalog of [zhCN, enUS, auditZhCN, auditEnUS]) {
      const flat = keyPaths(catalog).map((path) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalog));
      expect(flat.every((text) => typeof text === 'string' && text.trim().length > 0)).toBe(true);
    }
  });
});
