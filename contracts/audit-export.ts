import { z } from 'zod';

export const auditExportQuerySchema = z
  .strictObject({
    format: z.enum(['jsonl', 'csv']).default('jsonl').meta({ description: 'JSON lines (one event per line) or CSV with a header row' }),
    from: z.iso.datetime({ offset: true }).optional().meta({ description: 'Events that occurred at or after this instant' }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: 'Events that occurred before this instant' }),
  })
  .meta({ description: 'Which audit events to export, and how' });
export type AuditExportQuery = z.output<typeof auditExportQuerySchema>;
