import type { Role, User, UserFields } from '#shared/org';
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
  // HR keeps the staff list in Excel beside the admin: it reads the sheets, and is told why it may not save them.
  if (action === 'writeRegistry' && user.role === 'hr') return 'REGISTRY_READ_ONLY';
  return unlessRole(user, ORG_ROLES[action]);
}

/** Which org sheets the pane offers a role, and whether it may save them. */
export function orgSheetAccess(role: Role): { units: 'edit' | 'read' | 'none'; people: 'edit' | 'read' | 'none'; users: 'edit' | 'none' } {
  if (role === 'admin') return { units: 'edit', people: 'edit', users: 'edit' };
  if (role === 'hr') return { units: 'read', people: 'read', users: 'none' };
  return { units: 'none', people: 'none', users: 'none' };
}

/** One user's change in a save: before (absent: new) and after (absent: removed from the sheet). */
export interface UserChange {
  email: string;
  before?: Pick<UserFields, 'role'>;
  after?: Pick<UserFields, 'role'>;
}

const losesAdmin = (change: UserChange) => change.before?.role === 'admin' && change.after?.role !== 'admin';

/** Whether a save's user changes take an admin role away from anyone: then the admins left must be counted. */
export function takesAdminAway(changes: readonly UserChange[]): boolean {
  return changes.some(losesAdmin);
}

/**
 * Who may change users' roles, row by row: nobody takes away their own admin role (OWN_ADMIN_ROLE),
 * and no save leaves the office without an admin (LAST_ADMIN: every change taking an admin role away
 * is refused then, since any of them alone could be the one in the way). `adminsBefore` is the number
 * of admins stored; the server makes it hold under concurrent saves (functions/org/save-users.ts).
 */
export function refuseUserChanges(actor: Pick<User, 'email'>, changes: readonly UserChange[], adminsBefore: number): Map<string, Refusal> {
  const refusals = new Map<string, Refusal>();
  const self = actor.email.toLowerCase();
  for (const change of changes) {
    if (change.email.toLowerCase() === self && losesAdmin(change)) refusals.set(change.email, 'OWN_ADMIN_ROLE');
  }
  const allowed = changes.filter((change) => !refusals.has(change.email));
  const gained = allowed.filter((change) => change.after?.role === 'admin' && change.before?.role !== 'admin').length;
  const lost = allowed.filter(losesAdmin);
  if (adminsBefore + gained - lost.length < 1) for (const change of lost) refusals.set(change.email, 'LAST_ADMIN');
  return refusals;
}
