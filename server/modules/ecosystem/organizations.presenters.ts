import type { OrgRole } from '../../../contracts/auth.js';
import type { Organization, OrganizationDetail } from '../../../contracts/organizations.js';
import type { organizationMembers, organizations } from './organizations.tables.js';

export type OrganizationRow = typeof organizations.$inferSelect;
export type MemberRow = Pick<typeof organizationMembers.$inferSelect, 'userId' | 'role'> & { name: string; email: string };

export function presentOrganization(row: OrganizationRow, hubSlug: string): Organization {
  return {
    id: row.id,
    hub: hubSlug,
    kind: row.kind as Organization['kind'],
    name: { zh: row.nameZh, en: row.nameEn },
    uscc: row.uscc,
    foundedOn: row.foundedOn,
    sectors: row.sectors as Organization['sectors'],
    headcount: row.headcount,
    website: row.website,
    district: row.district,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentOrganizationDetail(
  row: OrganizationRow,
  hubSlug: string,
  members: MemberRow[],
  allowedActions: OrganizationDetail['allowedActions'],
): OrganizationDetail {
  return {
    ...presentOrganization(row, hubSlug),
    members: members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role as OrgRole })),
    allowedActions,
  };
}

export function presentPublicOrganization(row: Pick<OrganizationRow, 'id' | 'kind' | 'nameZh' | 'nameEn' | 'sectors'>) {
  return {
    id: row.id,
    kind: row.kind as Organization['kind'],
    name: { zh: row.nameZh, en: row.nameEn },
    sectors: row.sectors as Organization['sectors'],
  };
}
