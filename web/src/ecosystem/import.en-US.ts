import type { UiMessages } from '../i18n/zh-CN';

/** English strings of the ecosystem import and export page; the same keys as import.zh-CN.ts. */
export const importEnUS: UiMessages['import'] = {
  title: 'Import and export',
  uploadTitle: 'Import ecosystem data',
  intro:
    'Upload an XLSX or CSV file. Run a dry run first: every row is checked and nothing is written, and you see the counts to be written or each error. Then import.',
  drop: 'Click or drop an .xlsx / .csv file here',
  wrongType: 'Only .xlsx or .csv files.',
  partial: 'Allow a partial import (skip rows with errors)',
  partialHint: 'Unticked, one bad row means nothing is written.',
  dryRun: 'Dry run',
  confirm: 'Import',
  previewTitle: 'Dry run result',
  clean: 'No errors found; ready to import.',
  hasErrors: '{{count}} errors found; {{rejected}} rows would be rejected.',
  toWrite: 'To be written',
  tables: { organizations: 'Organisations', people: 'People', relations: 'Relations', facts: 'Facts' },
  sheet: 'Sheet',
  line: 'Line',
  field: 'Field',
  message: 'Problem',
  done: 'Imported: {{count}} records written.',
  editorsOnly: 'Only hub admins and program officers can import data.',
  exportTitle: 'Export',
  exportXlsx: 'Export XLSX',
  exportCsv: 'Export CSV',
};
