import { afterAll, beforeAll } from 'vitest';
import { startS3Local, type S3Local } from '#local/s3-local';

/**
 * The dossiers' bucket for a test file: s3rver in this process on a free port, its objects in a
 * temporary folder, the handlers pointed at it through the same variables as `npm start` sets
 * (S3_ENDPOINT, BUCKET_NAME). Call before the first request (the handlers' client is made on first use).
 */
export function useS3Local(): { readonly current: S3Local } {
  const holder: { current?: S3Local } = {};
  beforeAll(async () => {
    holder.current = await startS3Local({ port: 0, bucket: `test-${Math.random().toString(36).slice(2, 10)}` });
    process.env.S3_ENDPOINT = holder.current.endpoint;
    process.env.BUCKET_NAME = holder.current.bucket;
  });
  afterAll(() => holder.current?.stop());
  return holder as { readonly current: S3Local };
}

/** Bytes that begin as a file of a type: enough for the type check, padded to `size`. */
export function fileBytes(kind: 'pdf' | 'png' | 'jpeg' | 'text', size: number): Uint8Array {
  const heads = {
    pdf: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37],
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    text: [...Buffer.from('Tờ trình số 12')],
  };
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(heads[kind].slice(0, size));
  return bytes;
}
