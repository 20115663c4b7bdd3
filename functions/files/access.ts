import { randomUUID } from 'node:crypto';
import type { StoredCampaign } from '#shared/api/campaign';
import type { AuditEntry } from '#shared/api/audit';
import type { DossierFile } from '#shared/dossier-files';
import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { refuseFiles, type FileAction } from '#shared/policy/files';
import { refuseIf } from '#functions/http/auth';
import { ApiError } from '#functions/http/errors';
import { refuseUnlessStageAllows } from '#functions/http/stage';
import type { Db } from '#functions/store/client';
import { getFile } from '#functions/store/file-store';
import { getNominations } from '#functions/store/nomination-reads';

/** Time-ordered ids: a document's files list in the order they were uploaded. */
export function newFileId(): string {
  return `f${Date.now().toString(36)}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/**
 * The nomination a files route names, once the policy lets this user reach its files; a change (an
 * upload, its confirmation, a deletion, a restore) also once the campaign's stage allows it.
 */
export async function nominationFor(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  nominationId: string,
  action: FileAction,
): Promise<Nomination> {
  if (action === 'write') await refuseUnlessStageAllows(user, campaign, 'changeFiles');
  const nomination = (await getNominations(db, campaign.id, [nominationId])).get(nominationId);
  if (!nomination || (nomination.deletedAt && action === 'read' && user.role === 'unit')) {
    throw new ApiError('NOMINATION_NOT_FOUND', { ids: [nominationId] });
  }
  refuseIf(refuseFiles(user, nomination, action), { nominationId });
  return nomination;
}

/** A file of that nomination (FILE_NOT_FOUND for another's, or a pending one asked as stored). */
export async function fileFor(db: Db, nomination: Nomination, fileId: string): Promise<DossierFile> {
  const file = await getFile(db, nomination.campaignId, nomination.id, fileId);
  if (!file) throw new ApiError('FILE_NOT_FOUND', { fileId });
  return file;
}

/** The audit entry of a file's move: the document's file appears, or goes, by its name and size. */
export function fileAudit(user: User, file: DossierFile, action: 'file.upload' | 'file.delete' | 'file.restore', at: string): AuditEntry {
  const described = { id: file.id, name: file.name, contentType: file.contentType, size: file.size };
  return {
    at,
    actor: user.email,
    action,
    nominationId: file.nominationId,
    changes: { [`files.${file.document}`]: action === 'file.delete' ? { from: described } : { to: described } },
  };
}
