import type { Nomination } from '#shared/nomination';
import type { Role, User } from '#shared/org';
import { refuseInStage, type StagedCampaign } from './campaign-stage';
import { mayRead } from './nominations';
import { unlessRole, type Refusal } from './roles';

/**
 * Who reaches a nomination's dossier files. Reading follows the nomination: whoever may read the row
 * may read its files (a unit clerk only its own unit's, while the unit holds it). Uploading, deleting
 * and restoring is the dossier's editors' (the units' and HR's, an administrator's); the council's
 * secretary and a viewer only read.
 */
const FILE_EDITORS: readonly Role[] = ['admin', 'hr', 'unit'];

export type FileAction = 'read' | 'write';

export function refuseFiles(user: User, nomination: Pick<Nomination, 'unitId' | 'status' | 'deletedAt'>, action: FileAction): Refusal {
  if (user.role === 'unit' && nomination.unitId !== user.unitId) return 'FORBIDDEN_UNIT';
  if (!mayRead(user, nomination)) return 'FILES_TAKEN_OVER';
  if (action === 'read') return undefined;
  // A deleted nomination's files stay as they were until it is restored.
  if (nomination.deletedAt) return 'NOMINATION_NOT_FOUND';
  return unlessRole(user, FILE_EDITORS);
}

/**
 * Whether this user may change a campaign's files at all, before any nomination is named: the role
 * (an editor) and then the campaign's stage (`changeFiles`: a clerk's scans close with its
 * submissions). The pane offers uploads and deletions by it; the handlers ask the stage per request.
 */
export function refuseFileChanges(user: Pick<User, 'role'>, campaign: StagedCampaign): Refusal {
  return unlessRole(user, FILE_EDITORS) ?? refuseInStage(user, campaign, 'changeFiles');
}
