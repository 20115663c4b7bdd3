import { z } from 'zod';

/**
 * The dossier's scanned documents (issue 11): what a file may be, how its content is recognised, how
 * long a deleted one can be brought back. Pure: the store and the pane both read these.
 */

/** At most 20 MB a file: a scanned document of a few pages, never a whole archive. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A deleted file can be restored this long; in AWS a lifecycle rule removes it after that. */
export const DELETED_RETENTION_DAYS = 30;

/**
 * An upload asked for but never confirmed (the PUT never came, the pane closed) is forgotten after this
 * long: its object by the bucket's lifecycle rule, its pending record by DynamoDB's TTL. A day is S3's
 * shortest expiry and far beyond the upload URL's 15 minutes.
 */
export const PENDING_RETENTION_DAYS = 1;

/**
 * The types a dossier's file may have, each with the bytes its content begins with: the type is
 * checked from what was uploaded, never only from the name or what the browser declared.
 */
export const FILE_TYPES = {
  'application/pdf': { extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  'image/jpeg': { extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'image/png': { extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
} as const;

export const FileContentType = z.enum(Object.keys(FILE_TYPES) as [keyof typeof FILE_TYPES, ...(keyof typeof FILE_TYPES)[]]);
export type FileContentType = z.infer<typeof FileContentType>;

/** How many bytes of a file the type check reads (a ranged GET). */
export const SNIFF_BYTES = 16;

/** The names a file of each type may carry (what a scanner or a phone writes). */
const EXTENSIONS: Record<FileContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** The `accept` of the pane's file picker: the accepted types and their names. */
export const ACCEPTED_FILES = Object.entries(EXTENSIONS)
  .flatMap(([type, names]) => [type, ...names.map((name) => `.${name}`)])
  .join(',');

/**
 * A file chosen in the pane, judged before anything is sent: by the same rules the confirmation applies
 * (the type from the content's first bytes, at most 20 MB), and its name's extension must say what it
 * holds (a JPEG renamed .pdf is refused, not stored as an image under a PDF's name). The server checks
 * the bytes again on confirmation.
 */
export type ChosenFileCheck =
  | { ok: true; contentType: FileContentType }
  | { ok: false; problem: 'empty' | 'tooLarge' | 'notAccepted' }
  | { ok: false; problem: 'extensionMismatch'; found: FileContentType };

export function checkChosenFile(file: { name: string; size: number }, head: Uint8Array): ChosenFileCheck {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  const found = sniffContentType(head);
  if (!found) return { ok: false, problem: 'notAccepted' };
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!EXTENSIONS[found].includes(extension)) return { ok: false, problem: 'extensionMismatch', found };
  return { ok: true, contentType: found };
}

/** The type a file's first bytes show, or undefined when they are none of the accepted ones. */
export function sniffContentType(head: Uint8Array): FileContentType | undefined {
  return FileContentType.options.find((type) => FILE_TYPES[type].magic.every((byte, i) => head[i] === byte));
}

/**
 * A file's life: `pending` from the upload's request until its confirmation (its bytes unchecked, not
 * counted), `stored` once checked, `deleted` (restorable for DELETED_RETENTION_DAYS).
 */
export const FileStatus = z.enum(['pending', 'stored', 'deleted']);
export type FileStatus = z.infer<typeof FileStatus>;

export const DocumentCode = z.string().regex(/^[A-Z0-9_]{2,40}$/);
export const FileId = z.string().regex(/^f[a-z0-9]{8,40}$/);

/** A file of a nomination's dossier, as its record keeps it. */
export const DossierFile = z.strictObject({
  id: FileId,
  campaignId: z.string(),
  nominationId: z.string(),
  /** The document of the campaign's dossier it belongs to (`dossierRequirements[].code`). */
  document: DocumentCode,
  name: z.string().min(1).max(200),
  contentType: FileContentType,
  size: z.int().min(1).max(MAX_FILE_BYTES),
  status: FileStatus,
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  deletedAt: z.string().optional(),
  deletedBy: z.string().optional(),
});
export type DossierFile = z.infer<typeof DossierFile>;

/** Whether a deleted file may still be restored at `now`. */
export function restorable(file: Pick<DossierFile, 'status' | 'deletedAt'>, now: Date): boolean {
  if (file.status !== 'deleted' || !file.deletedAt) return false;
  return now.getTime() - Date.parse(file.deletedAt) < DELETED_RETENTION_DAYS * 24 * 3600 * 1000;
}

/**
 * A file's name as stored: NFC, without a path (a browser may send one), control characters or
 * characters a download's header cannot carry.
 */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  return base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
}
