// s3rver ships no types, and local/ is compiled through its importers only, so its declaration is referenced here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./s3rver.d.ts" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from 's3rver';
import { DEFAULT_BUCKET_NAME } from '#functions/store/file-objects';

/**
 * s3rver, a local S3-compatible server, for `npm start` (data on disk, in a git-ignored folder) and the
 * integration tests (a temporary folder): the dossiers' bucket made with CORS for the pane's origin, so
 * that the handlers and the pane use the same presigned path as in AWS. It runs in this process.
 *
 * Unlike S3, s3rver does not verify V4 signatures: the signed length does not stop a larger body here,
 * which is why the confirmation checks the size itself (functions/files/upload.ts).
 */
export interface StartS3LocalOptions {
  /** 0 picks a free port. Default 4568. */
  port?: number;
  /** Keep the objects here; without it, in a temporary folder removed on stop. */
  dataDir?: string;
  bucket?: string;
  /** Origins the bucket's CORS allows (the pane's). */
  origins?: readonly string[];
}

export interface S3Local {
  endpoint: string;
  port: number;
  bucket: string;
  stop(): Promise<void>;
}

function corsXml(origins: readonly string[]): string {
  const allowed = origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join('');
  return `<CORSConfiguration><CORSRule>${allowed}<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>content-type</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

export async function startS3Local(options: StartS3LocalOptions = {}): Promise<S3Local> {
  const temporary = options.dataDir === undefined;
  const directory = temporary ? mkdtempSync(join(tmpdir(), 'thidua-s3-')) : resolve(options.dataDir!);
  mkdirSync(directory, { recursive: true });
  const bucket = options.bucket ?? DEFAULT_BUCKET_NAME;
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 4568,
    silent: true,
    directory,
    // Path-style only: bucket names as hosts would need DNS for *.localhost.
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [corsXml(options.origins ?? ['https://localhost:3000'])] }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    bucket,
    async stop() {
      await server.close();
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
}
