import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SNIFF_BYTES, type DossierFile } from '#shared/dossier-files';

/**
 * The dossier files' bucket: the only module that knows its keys and talks to S3 (or, locally, to
 * s3rver through the same presigned path). A file lives at
 *
 *   campaigns/<campaignId>/nominations/<nominationId>/<document>/<fileId>
 *
 * and, once deleted, under `deleted/` + that key, where the bucket's lifecycle rule removes it after
 * 30 days (infra/lib/dossier-bucket.ts); restoring moves it back. An upload lands under `pending/` +
 * that key and moves to it once confirmed: what is never confirmed stays under `pending/`, which a
 * lifecycle rule empties after a day.
 */
export interface BucketConfig {
  bucket: string;
  region: string;
  /** Set for s3rver; unset in AWS. */
  endpoint?: string;
  forcePathStyle: boolean;
}

export const DEFAULT_BUCKET_NAME = 'thidua-dossier';
/** s3rver's own account: it checks that the key id exists, not the V4 signature. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
/** Long enough to upload 20 MB on a slow office line, short enough that a leaked URL soon dies. */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const DOWNLOAD_URL_SECONDS = 5 * 60;

export function bucketConfigFromEnv(env: NodeJS.ProcessEnv = process.env): BucketConfig {
  return {
    bucket: env.BUCKET_NAME ?? DEFAULT_BUCKET_NAME,
    region: env.AWS_REGION ?? 'ap-southeast-1',
    endpoint: env.S3_ENDPOINT || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true' || Boolean(env.S3_ENDPOINT),
  };
}

export interface Bucket {
  s3: S3Client;
  name: string;
}

export function createBucket(config: BucketConfig): Bucket {
  const s3 = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint ? { endpoint: config.endpoint, credentials: LOCAL_CREDENTIALS } : {}),
    // The presigned PUT must carry no checksum header the browser would not send.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return { s3, name: config.bucket };
}

let shared: Bucket | undefined;

/** One client per process, as the table's (functions/store/client.ts). */
export function bucket(): Bucket {
  shared ??= createBucket(bucketConfigFromEnv());
  return shared;
}

type Located = Pick<DossierFile, 'campaignId' | 'nominationId' | 'document' | 'id'>;

export function objectKey(file: Located): string {
  return `campaigns/${file.campaignId}/nominations/${file.nominationId}/${file.document}/${file.id}`;
}

export const DELETED_PREFIX = 'deleted/';
export const PENDING_PREFIX = 'pending/';

/** Where a file's object lives in each of its states. */
const KEY_OF: Record<DossierFile['status'], (file: Located) => string> = {
  pending: (file) => PENDING_PREFIX + objectKey(file),
  stored: objectKey,
  deleted: (file) => DELETED_PREFIX + objectKey(file),
};

function storedKey(file: Located & Pick<DossierFile, 'status'>): string {
  return KEY_OF[file.status](file);
}

/** A PUT whose signature binds the content type and the length: S3 refuses any other body. */
export async function presignUpload(b: Bucket, file: DossierFile): Promise<{ url: string; headers: Record<string, string> }> {
  const command = new PutObjectCommand({
    Bucket: b.name,
    Key: KEY_OF.pending(file),
    ContentType: file.contentType,
    ContentLength: file.size,
  });
  const url = await getSignedUrl(b.s3, command, {
    expiresIn: UPLOAD_URL_SECONDS,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
  return { url, headers: { 'content-type': file.contentType } };
}

/** A GET that downloads the stored file under its own name. */
export function presignDownload(b: Bucket, file: DossierFile): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: b.name,
    Key: storedKey(file),
    ResponseContentType: file.contentType,
    ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  });
  return getSignedUrl(b.s3, command, { expiresIn: DOWNLOAD_URL_SECONDS });
}

/** The first bytes of an uploaded (pending) object and its whole size (one ranged GET), or undefined when absent. */
export async function readHead(b: Bucket, file: Located): Promise<{ head: Uint8Array; size: number } | undefined> {
  try {
    const answer = await b.s3.send(
      new GetObjectCommand({ Bucket: b.name, Key: KEY_OF.pending(file), Range: `bytes=0-${SNIFF_BYTES - 1}` }),
    );
    const head = await answer.Body!.transformToByteArray();
    const total = /\/(\d+)$/.exec(answer.ContentRange ?? '')?.[1];
    return { head, size: total === undefined ? Number(answer.ContentLength ?? head.length) : Number(total) };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** A file's object in one of its states' places (a refused upload's, a confirmed upload's pending copy). */
export async function deleteObject(b: Bucket, file: Located, status: DossierFile['status']): Promise<void> {
  await b.s3.send(new DeleteObjectCommand({ Bucket: b.name, Key: KEY_OF[status](file) }));
}

/** A server-side copy of a file's object from one state's place to another's. */
export async function copyObject(b: Bucket, file: Located, from: DossierFile['status'], to: DossierFile['status']): Promise<void> {
  await b.s3.send(new CopyObjectCommand({ Bucket: b.name, Key: KEY_OF[to](file), CopySource: `${b.name}/${KEY_OF[from](file)}` }));
}

/** Deleting moves the object under `deleted/` (the lifecycle rule's prefix); restoring moves it back. */
export async function moveObject(b: Bucket, file: Located, from: DossierFile['status'], to: DossierFile['status']): Promise<void> {
  await copyObject(b, file, from, to);
  await deleteObject(b, file, from);
}

export function isMissing(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
}
