/**
 * A dossier file's upload (issue 11), in `npm run bench` (BENCH_FILES=0 skips it; on its own:
 * `npx tsx bench/files-main.ts`): a 20 MB scan through the local API and s3rver (started here, in this
 * process, on a free port, its objects in a temporary folder) by the pane's own path: the presigned
 * PUT asked of the API, the bytes PUT straight to the bucket, the confirmation (a ranged GET of the
 * first bytes, the copy out of pending/, the record, count and audit in one transaction). Each step
 * timed, the median of BENCH_FILES_REPEATS (3) uploads, with the DynamoDB requests of the confirmation.
 * Goal: the whole upload of 20 MB under 5 s on a local machine, and a constant number of requests.
 */
import { performance } from 'node:perf_hooks';
import { startS3Local } from '#local/s3-local';
import type { StoredCampaign } from '#shared/api/campaign';
import type { UploadTicket } from '#shared/api/files';
import { MAX_FILE_BYTES } from '#shared/dossier-files';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE } from '#shared/seed/demo-office';
import { requestCounter } from '#functions/store/client';
import type { AddinBenchContext } from './addin';
import { goalsTable, int, ms, table } from './report';

const ENABLED = process.env.BENCH_FILES !== '0';
const REPEATS = Number(process.env.BENCH_FILES_REPEATS ?? 3);
const GOAL_MS = 5000;
const ADMIN = 'admin@thidua.local';
const HR = 'tochuc@thidua.local';

interface Upload {
  presignMs: number;
  putMs: number;
  confirmMs: number;
  totalMs: number;
  confirmDynamo: number;
}

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

function caller(ctx: AddinBenchContext, token: string): Call {
  return async (method, path, body) => {
    const response = await fetch(`${ctx.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

function expectStatus(answer: { status: number; body: unknown }, status: number, what: string) {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** An open campaign of the seed's plan with one saved nomination: where the files go. */
async function nominationToAttachTo(ctx: AddinBenchContext): Promise<string> {
  const admin = caller(ctx, await ctx.issueToken(ADMIN));
  const id = `bench-files-${Date.now().toString(36)}`;
  const created = await admin('POST', '/campaigns', { ...SEED_CAMPAIGN, id, title: 'Bench: hồ sơ đính kèm' });
  expectStatus(created, 201, 'creating the campaign');
  const opened = await admin('POST', `/campaigns/${id}/stage`, { to: 'open', version: (created.body as StoredCampaign).version });
  expectStatus(opened, 200, 'opening the campaign');
  const person = DEMO_PEOPLE[0]!;
  const row = {
    nomineeKind: 'individual',
    nomineeId: person.id,
    unitId: person.unitId,
    awardForm: 'GIAY_KHEN_CVP',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ',
    criteriaMet: [],
    dossier: {},
    status: 'draft',
  };
  const saved = await caller(ctx, await ctx.issueToken(HR))('POST', `/campaigns/${id}/nominations/batch`, { rows: [row] });
  expectStatus(saved, 200, 'saving the nomination');
  return `/campaigns/${id}/nominations/${saved.body.rows[0].id}/files`;
}

async function uploadOnce(call: Call, files: string, bytes: Uint8Array, n: number): Promise<Upload> {
  const start = performance.now();
  const asked = await call('POST', files, {
    document: 'TO_TRINH',
    fileName: `ban-quet-${n}.pdf`,
    contentType: 'application/pdf',
    size: bytes.length,
  });
  expectStatus(asked, 201, 'asking to upload');
  const ticket = asked.body as UploadTicket;
  const presigned = performance.now();
  const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: bytes as unknown as BodyInit });
  await put.arrayBuffer();
  if (!put.ok) throw new Error(`PUT to s3rver: ${put.status}`);
  const sent = performance.now();
  const before = requestCounter.count;
  const confirmed = await call('POST', `${files}/${ticket.file.id}/confirm`);
  expectStatus(confirmed, 200, 'confirming');
  const end = performance.now();
  return {
    presignMs: presigned - start,
    putMs: sent - presigned,
    confirmMs: end - sent,
    totalMs: end - start,
    confirmDynamo: requestCounter.count - before,
  };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

export async function runFilesBench(ctx: AddinBenchContext): Promise<void> {
  if (!ENABLED) return;
  const progress = ctx.progress ?? (() => undefined);
  progress('Dossier files: starting s3rver (a temporary folder, a free port)…');
  // The files' handler makes its bucket client on first use, in this process: pointed at s3rver first.
  const s3 = await startS3Local({ port: 0, bucket: `bench-${Date.now().toString(36)}` });
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.BUCKET_NAME = s3.bucket;
  try {
    const files = await nominationToAttachTo(ctx);
    const call = caller(ctx, await ctx.issueToken(HR));
    const bytes = new Uint8Array(MAX_FILE_BYTES).fill(0x20);
    bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]); // %PDF-1.7
    progress(`Dossier files: warm-up, then ${REPEATS} uploads of ${int(MAX_FILE_BYTES / 1024 / 1024)} MB (presign, PUT, confirm)…`);
    await uploadOnce(call, files, bytes.slice(0, 1024), 0);
    const runs: Upload[] = [];
    for (let n = 1; n <= REPEATS; n += 1) runs.push(await uploadOnce(call, files, bytes, n));
    const pick = (key: keyof Upload) => median(runs.map((run) => run[key]));
    const total = pick('totalMs');
    const mbPerSecond = MAX_FILE_BYTES / 1024 / 1024 / (pick('putMs') / 1000);
    console.log(`
=== A 20 MB dossier file through the local API and s3rver (median of ${REPEATS}) ===
${table(
  [
    ['presign (POST …/files: pending record, signed PUT)', ms(pick('presignMs'))],
    [`PUT ${int(MAX_FILE_BYTES)} bytes straight to s3rver`, `${ms(pick('putMs'))} (${mbPerSecond.toFixed(0)} MB/s)`],
    ['confirm (ranged GET, copy out of pending/, transaction)', ms(pick('confirmMs'))],
    ['the whole upload', ms(total)],
    ['DynamoDB requests of the confirmation', String(pick('confirmDynamo'))],
  ],
  ['step', 'time'],
)}

${goalsTable([
  { goal: `20 MB uploaded and confirmed < ${ms(GOAL_MS)}`, value: ms(total), pass: total < GOAL_MS },
  {
    goal: 'confirmation requests the same every time',
    value: runs.map((run) => run.confirmDynamo).join(', '),
    pass: runs.every((run) => run.confirmDynamo === runs[0]!.confirmDynamo),
  },
])}
BENCH_FILES_JSON ${JSON.stringify({ bytes: MAX_FILE_BYTES, repeats: REPEATS, presignMs: pick('presignMs'), putMs: pick('putMs'), confirmMs: pick('confirmMs'), totalMs: total, confirmDynamoRequests: pick('confirmDynamo') })}`);
  } finally {
    await s3.stop();
  }
}
