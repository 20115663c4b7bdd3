import type { StoredCampaign } from '#shared/api/campaign';
import type { DownloadLink } from '#shared/api/files';
import { restorable, type DossierFile } from '#shared/dossier-files';
import type { User } from '#shared/org';
import { ApiError } from '#functions/http/errors';
import type { Db } from '#functions/store/client';
import { DOWNLOAD_URL_SECONDS, moveObject, presignDownload, type Bucket } from '#functions/store/file-objects';
import { listFiles, moveFile } from '#functions/store/file-store';
import { fileAudit, fileFor, nominationFor } from './access';

/** A nomination's stored files; with `includeDeleted`, also the deleted ones that can still be restored. */
export async function listNominationFiles(db: Db, campaign: StoredCampaign, user: User, nominationId: string, includeDeleted: boolean) {
  const nomination = await nominationFor(db, campaign, user, nominationId, 'read');
  const now = new Date();
  const files = await listFiles(db, campaign.id, nomination.id);
  return files.filter((file) => file.status === 'stored' || (includeDeleted && restorable(file, now)));
}

export async function downloadLink(db: Db, store: Bucket, campaign: StoredCampaign, user: User, nominationId: string, fileId: string) {
  const nomination = await nominationFor(db, campaign, user, nominationId, 'read');
  const file = await fileFor(db, nomination, fileId);
  if (file.status !== 'stored') throw new ApiError('FILE_NOT_FOUND', { fileId });
  const link: DownloadLink = {
    url: await presignDownload(store, file),
    expiresAt: new Date(Date.now() + DOWNLOAD_URL_SECONDS * 1000).toISOString(),
  };
  return link;
}

/**
 * Deleting moves the object under `deleted/` (where the lifecycle rule ends it after 30 days) and
 * marks the record, uncounted, with who and when; restoring undoes both. The object moves first: a
 * record that changed is then always backed by its object; if the record's move loses a race, the
 * object goes back.
 */
export async function setFileDeleted(
  db: Db,
  store: Bucket,
  campaign: StoredCampaign,
  user: User,
  ids: { nominationId: string; fileId: string },
  deleted: boolean,
  requestId: string,
): Promise<DossierFile> {
  const nomination = await nominationFor(db, campaign, user, ids.nominationId, 'write');
  const file = await fileFor(db, nomination, ids.fileId);
  const now = new Date();
  if (deleted ? file.status === 'deleted' : file.status === 'stored') return file; // a retry: already done
  if (deleted && file.status !== 'stored') throw new ApiError('FILE_NOT_FOUND', { fileId: file.id });
  if (!deleted && file.status !== 'deleted') throw new ApiError('FILE_NOT_DELETED', { fileId: file.id });
  if (!deleted && !restorable(file, now)) throw new ApiError('FILE_RESTORE_EXPIRED', { fileId: file.id, deletedAt: file.deletedAt });

  const { deletedAt: _at, deletedBy: _by, ...live } = file;
  const after: DossierFile = deleted
    ? { ...file, status: 'deleted', deletedAt: now.toISOString(), deletedBy: user.email }
    : { ...live, status: 'stored' };
  await moveObject(store, file, file.status, after.status);
  const audit = fileAudit(user, after, deleted ? 'file.delete' : 'file.restore', now.toISOString());
  if (!(await moveFile(db, file, file.status, after, audit, requestId))) {
    await moveObject(store, file, after.status, file.status);
    return fileFor(db, nomination, file.id);
  }
  return after;
}
