import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('UI string catalogs', () => {
  it('have the same keys in zh-CN and en-US', () => {
    expect(keyPaths(enUS).sort()).toEqual(keyPaths(zhCN).sort());
  });

  it('have no empty strings', () => {
    for (const catalog of [zhCN, enUS]) {
      const flat = keyPaths(catalog).map((path) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalog));
      expect(flat.every((text) => typeof text === 'string' && text.trim().length > 0)).toBe(true);
    }
  });
});
