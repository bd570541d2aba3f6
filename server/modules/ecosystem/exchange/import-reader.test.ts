import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSource, tableOfHeader } from './import-reader.js';
import { columns } from './columns.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/small-export.xlsx');

async function tally(body: Buffer) {
  const seen: Record<string, number> = {};
  for await (const item of readSource({ format: 'xlsx', open: () => Readable.from([body]) })) {
    const key = 'problem' in item ? `problem:${item.sheet}:${item.field}` : item.table;
    seen[key] = (seen[key] ?? 0) + 1;
  }
  return seen;
}

describe('XLSX reader', () => {
  // A real export whose last zip entries (workbook.xml and its rels) exceljs's streaming
  // reader lost when the whole file came as one Buffer, as an HTTP body does.
  it('reads every sheet, by name, of a small workbook given as one Buffer', async () => {
    expect(await tally(readFileSync(fixture))).toEqual({ organizations: 3, people: 2, relations: 4, facts: 2 });
  });

  it('recognises a table by its header when the sheet name is not known', () => {
    for (const table of ['organizations', 'people', 'relations', 'facts'] as const) expect(tableOfHeader([...columns[table]])).toBe(table);
    expect(tableOfHeader(['ref', 'name_zh', 'name_en'])).toBeNull(); // organisations or people: ambiguous
    expect(tableOfHeader(['anything'])).toBeNull();
  });
});

describe('CSV reader', () => {
  it('reports a badly quoted row as INVALID_FORMAT at its line and column, named by the header', async () => {
    const text = 'table,ref,name_zh,name_en\r\norganizations,o1,甲,ab"c,d"\r\n';
    const items = [];
    for await (const item of readSource({ format: 'csv', open: () => Readable.from([Buffer.from(text)]) })) items.push(item);
    expect(items).toEqual([{ problem: true, sheet: 'csv', line: 2, column: 4, field: 'name_en', code: 'INVALID_FORMAT' }]);
  });
});
