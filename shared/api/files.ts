import { z } from 'zod';
import { DocumentCode, DossierFile, FileContentType, MAX_FILE_BYTES } from '#shared/dossier-files';

/** A file to upload into a document of a nomination's dossier; the bytes go to storage, not to the API. */
export const UploadRequest = z.strictObject({
  document: DocumentCode,
  fileName: z.string().trim().min(1).max(255),
  contentType: FileContentType,
  size: z.int().min(1).max(MAX_FILE_BYTES, { message: 'at most 20 MB' }),
});
export type UploadRequest = z.infer<typeof UploadRequest>;

/**
 * Where to PUT the bytes: a presigned URL whose signature binds the content type and the length, so
 * storage refuses anything else; send exactly these headers, then confirm.
 */
export const UploadTicket = z.strictObject({
  file: DossierFile,
  url: z.url(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});
export type UploadTicket = z.infer<typeof UploadTicket>;

/** A nomination's files, per document in upload order; deleted ones only when asked (and restorable). */
export const FileList = z.strictObject({ files: z.array(DossierFile) });
export type FileList = z.infer<typeof FileList>;

export const FileListQuery = z.strictObject({ includeDeleted: z.enum(['true', 'false']).optional() });

/** A presigned GET of a stored file, valid a few minutes, that downloads it under its own name. */
export const DownloadLink = z.strictObject({ url: z.url(), expiresAt: z.string() });
export type DownloadLink = z.infer<typeof DownloadLink>;

export { DossierFile };
