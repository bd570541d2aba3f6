import { z } from 'zod';
import { isoDateTime } from './dates.js';

export const auditExportQuerySchema = z
  .strictObject({
    format: z.enum(['jsonl', 'csv']).default('jsonl').meta({ description: 'JSON lines (one event per line) or CSV with a header row' }),
    from: isoDateTime({ offset: true }).optional().meta({ description: 'Events that occurred at or after this instant' }),
    to: isoDateTime({ offset: true }).optional().meta({ description: 'Events that occurred before this instant' }),
  })
  .meta({ description: 'Which audit events to export, and how' });
export type AuditExportQuery = z.output<typeof auditExportQuerySchema>;
