import type { StoredCampaign } from '#shared/api/campaign';
import type { UploadRequest, UploadTicket } from '#shared/api/files';
import { cleanFileName, sniffContentType, type DossierFile } from '#shared/dossier-files';
import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { ApiError } from '#functions/http/errors';
import type { Db } from '#functions/store/client';
import {
  copyObject,
  deleteObject,
  isMissing,
  presignUpload,
  readHead,
  UPLOAD_URL_SECONDS,
  type Bucket,
} from '#functions/store/file-objects';
import { forgetPendingFile, moveFile, putPendingFile } from '#functions/store/file-store';
import { fileAudit, fileFor, newFileId, nominationFor } from './access';

/**
 * An upload in two steps, the bytes never passing through the API: the request records a pending file
 * and answers a presigned PUT bound to the declared type and length; the confirmation checks what
 * arrived (the content's first bytes, its size) and only then counts the file, with its audit entry.
 */
export async function requestUpload(
  db: Db,
  store: Bucket,
  campaign: StoredCampaign,
  user: User,
  nominationId: string,
  request: UploadRequest,
): Promise<UploadTicket> {
  const nomination = await nominationFor(db, campaign, user, nominationId, 'write');
  if (!campaign.dossierRequirements.some((requirement) => requirement.code === request.document)) {
    throw new ApiError('DOSSIER_DOCUMENT_UNKNOWN', { document: request.document });
  }
  const name = cleanFileName(request.fileName);
  if (!name) throw new ApiError('VALIDATION_FAILED', { field: 'fileName' });
  const now = new Date();
  const file: DossierFile = {
    id: newFileId(),
    campaignId: campaign.id,
    nominationId: nomination.id,
    document: request.document,
    name,
    contentType: request.contentType,
    size: request.size,
    status: 'pending',
    uploadedBy: user.email,
    uploadedAt: now.toISOString(),
  };
  await putPendingFile(db, file);
  const { url, headers } = await presignUpload(store, file);
  return { file, url, method: 'PUT', headers, expiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString() };
}

/**
 * The bytes arrived: their type must be the declared one and their size the declared one (s3rver, unlike
 * S3, does not check the signed length, and neither would a misconfigured bucket). Anything else is
 * deleted, record and object, and refused: nothing unchecked is ever counted or kept.
 */
export async function confirmUpload(
  db: Db,
  store: Bucket,
  campaign: StoredCampaign,
  user: User,
  nominationId: string,
  fileId: string,
  requestId: string,
): Promise<DossierFile> {
  const nomination = await nominationFor(db, campaign, user, nominationId, 'write');
  const file = await fileFor(db, nomination, fileId);
  if (file.status !== 'pending') return file; // confirmed already: a retry after a dropped answer
  const arrived = await readHead(store, file);
  // No pending object: never uploaded, or a concurrent confirmation already moved it.
  if (!arrived) return confirmedMeanwhile(db, nomination, fileId);
  const refusal =
    arrived.size !== file.size
      ? new ApiError(arrived.size > file.size ? 'FILE_TOO_LARGE' : 'FILE_SIZE_MISMATCH', { declared: file.size, received: arrived.size })
      : sniffContentType(arrived.head) !== file.contentType
        ? new ApiError('FILE_TYPE_MISMATCH', { declared: file.contentType, found: sniffContentType(arrived.head) ?? null })
        : undefined;
  if (refusal) {
    await deleteObject(store, file, 'pending');
    await forgetPendingFile(db, file);
    throw refusal;
  }
  // Copied out of `pending/` before the record counts it, so a counted file is always where a download
  // looks; the pending copy goes last. Failing between, the pending record and object stay for a retry,
  // or for the lifecycle rule and the TTL to clear.
  try {
    await copyObject(store, file, 'pending', 'stored');
  } catch (error) {
    if (isMissing(error)) return confirmedMeanwhile(db, nomination, fileId);
    throw error;
  }
  const at = new Date().toISOString();
  const stored: DossierFile = { ...file, status: 'stored' };
  if (!(await moveFile(db, file, 'pending', stored, fileAudit(user, stored, 'file.upload', at), requestId))) {
    return fileFor(db, nomination, fileId); // a concurrent confirmation won; answer what it stored
  }
  await deleteObject(store, file, 'pending');
  return stored;
}

/** The file as a concurrent confirmation left it, or FILE_NOT_UPLOADED when its bytes never came. */
async function confirmedMeanwhile(db: Db, nomination: Nomination, fileId: string): Promise<DossierFile> {
  const now = await fileFor(db, nomination, fileId);
  if (now.status === 'pending') throw new ApiError('FILE_NOT_UPLOADED', { fileId });
  return now;
}
