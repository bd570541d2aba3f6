import { z } from 'zod';
import { cursorQuerySchema } from './pagination.js';
import { simulationSchema } from './simulation.js';
import { isoDateTime } from './dates.js';

/**
 * A simulation an officer kept: the run of `simulateProgram` (re-run by the server with the
 * same inputs, so the figures are the server's), attached to the program version it was run
 * for: the program's current version when it ran, the one its draft was written from and
 * compared with. `sameRules` says whether the draft was that version's rules unchanged.
 */
export const savedSimulationSchema = z
  .object({
    id: z.uuid(),
    program: z.uuid(),
    version: z.number().int().meta({ description: 'The program version it was run for (current when it ran)' }),
    sameRules: z.boolean().meta({ description: 'The rules simulated were exactly that version’s; false: unsaved edits of it' }),
    takeUpBasisPoints: z.number().int(),
    runBy: z.string().meta({ description: 'Name of the officer who ran and kept it' }),
    runAt: isoDateTime(),
    result: simulationSchema,
  })
  .meta({ id: 'SavedSimulation' });
export type SavedSimulation = z.infer<typeof savedSimulationSchema>;

export const savedSimulationQuerySchema = cursorQuerySchema.extend({
  version: z.coerce.number().int().min(1).max(1_000_000).optional().meta({ description: 'Only those run for this program version' }),
});
