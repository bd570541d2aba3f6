import { z } from 'zod';
import { hubRoles } from './auth.js';

/** The hub's pages, as the web's menu names them. */
export const hubSections = [
  'organizations',
  'people',
  'identity-claims',
  'talent-pipeline',
  'compare',
  'search',
  'import',
  'budget',
  'programs',
  'applications',
  'reviews',
  'obligations',
  'stays',
  'station-desk',
  'spaces',
  'space-desk',
  'compute',
  'compute-desk',
  'staff',
  'settings',
  'security',
  'api-tokens',
  'dashboard',
  'audit',
] as const;
export type HubSection = (typeof hubSections)[number];

const flags = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>);

/**
 * What the caller may do in one hub, as the server's policies say: the web shows menus
 * and buttons from this, never from its own copy of the rules.
 */
export const capabilitiesSchema = z
  .object({
    hub: z.string(),
    signedIn: z.boolean(),
    roles: z.array(z.enum(hubRoles)).meta({ description: 'Roles that count now (none while suspended)' }),
    suspended: z.boolean(),
    operator: z.boolean().meta({ description: 'A deployment operator (may open and archive hubs)' }),
    emailVerified: z.boolean(),
    mustEnrolTwoFactor: z.boolean().meta({
      description:
        'The hub requires a second factor of a role held here and the account has none: staff pages answer 403 `TWO_FACTOR_REQUIRED` until it enrols',
    }),
    sections: z.array(z.enum(hubSections)),
    actions: z.object({
      organizations: flags(['create', 'listAll', 'import', 'export', 'update', 'addMember'] as const),
      people: flags(['read', 'create'] as const),
      programs: flags(['create', 'readDrafts'] as const),
      applications: flags(['submit', 'listAll', 'decide', 'assignReviewers', 'pay', 'review'] as const),
      budget: flags(['read', 'write'] as const),
      obligations: flags(['read', 'decide'] as const),
      stations: flags(['book', 'run', 'anyDesk', 'frontDesk', 'open'] as const),
      spaces: flags(['ask', 'operate', 'openPark'] as const),
      compute: flags(['manage', 'reportUsage'] as const),
      talent: flags(['read', 'assess', 'editCatalogue', 'rotateKeys', 'resolveClaims'] as const),
      staff: flags(['read', 'invite', 'manage'] as const),
      apiTokens: flags(['manage'] as const),
      audit: flags(['read'] as const),
      hub: flags(['updateSettings', 'archive', 'create', 'readSecurity', 'updateSecurity'] as const),
    }),
  })
  .meta({ id: 'Capabilities' });
export type Capabilities = z.infer<typeof capabilitiesSchema>;
