import type { Role, User } from '#shared/org';
import { unlessRole, type Refusal } from './roles';

/** What a user may do with the office's registry, its users, its campaigns and their audit log. */
export type OrgAction = 'readRegistry' | 'writeRegistry' | 'readUsers' | 'writeUsers' | 'readCampaigns' | 'writeCampaigns' | 'readAudit';

const EVERYONE: readonly Role[] = ['admin', 'hr', 'unit', 'secretary', 'viewer'];

const ORG_ROLES: Record<OrgAction, readonly Role[]> = {
  readRegistry: EVERYONE,
  writeRegistry: ['admin'],
  readUsers: ['admin'],
  writeUsers: ['admin'],
  readCampaigns: EVERYONE,
  writeCampaigns: ['admin'],
  // Who changed what: everyone but a unit clerk, whose view is limited to its own unit's rows.
  readAudit: ['admin', 'hr', 'secretary', 'viewer'],
};

export function refuseOrg(user: User, action: OrgAction): Refusal {
  return unlessRole(user, ORG_ROLES[action]);
}
