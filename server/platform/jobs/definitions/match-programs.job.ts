import { z } from 'zod';
import { runMatching } from '../../../modules/programs/index.js';
import type { Actor } from '../../policies.js';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

// Jobs act with the system's own authority, as the CLI does.
const system: Actor = { userId: null, hubRoles: ['hub_admin'] };

/**
 * Matching for one hub: every open program against its organisations and people, or only
 * `programId` (sent when a program is published or changed, so its applicants see it at once).
 */
export const matchProgramsJob = defineJob({
  name: 'match-programs',
  payload: z.object({ hubId: z.uuid(), programId: z.uuid().optional() }),
  async handle(db, { hubId, programId }) {
    forgetHubs(db); // a hub created a moment ago must not be missed
    const hub = (await listHubRows(db)).find((h) => h.id === hubId);
    if (!hub) return; // the hub is gone: nothing to match
    await runMatching(db, { hub, actor: system }, { programId });
  },
});
