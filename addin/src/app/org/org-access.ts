import type { User } from '#shared/org';
import { orgSheetAccess } from '#shared/policy/org';
import type { OrgSheetId } from '#addin/api/index';

export type { OrgSheetId } from '#addin/api/index';

/** The pane's "Tổ chức" section: the sheets it offers this user, and whether each may be saved. */
export interface OfferedOrgSheet {
  id: OrgSheetId;
  editable: boolean;
}

export interface OrgActions {
  /** Lays the sheet out again from the server's records (read-only for who may only read it). */
  open(sheet: OrgSheetId): Promise<void>;
  /** Sends the sheet's changed rows and the codes removed since it was last written; writes the answers back. */
  save(sheet: OrgSheetId): Promise<void>;
}

const ORDER: readonly OrgSheetId[] = ['units', 'people', 'users'];

/** Which org sheets the pane offers, as shared/policy/org.ts decides (none: the section is not shown). */
export function offeredOrgSheets(user: Pick<User, 'role'> | undefined): OfferedOrgSheet[] {
  if (!user) return [];
  const access = orgSheetAccess(user.role);
  return ORDER.filter((id) => access[id] !== 'none').map((id) => ({ id, editable: access[id] === 'edit' }));
}
