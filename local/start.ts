/**
 * `npm start`: the product on this machine, no cloud account needed. DynamoDB Local (data kept in
 * .local/dynamodb), s3rver for the dossiers' files (data in .local/s3, the bucket with CORS for the pane), the table, the demo data, the same Lambda handlers behind a local stand-in for
 * API Gateway on http://localhost:3001, and the Excel add-in's task pane on https://localhost:3000
 * (the production build, rebuilt when addin/ changes, or Vite's dev server with `npm start -- --dev`;
 * /api/* reaches the API on the same origin; /demo/ shows it in a simulated workbook). Where desktop Excel is installed the
 * add-in is sideloaded into it. Ctrl-C (or `npm stop`) stops everything, Java included.
 *
 * Environment: PORT (3001), HOST (127.0.0.1), DYNAMODB_PORT (8000; a free one if taken), TABLE_NAME
 * (thidua), THIDUA_DEV_TOKENS=any (POST /dev/token signs for any e-mail, not only the table's users),
 * S3_PORT (4568), PANE_PORT (3000), THIDUA_PANE=0 (the API only), THIDUA_HTTP=1 (the pane over plain HTTP, no
 * certificates), THIDUA_SIDELOAD=0 (do not sideload into Excel).
 */
// First: it quiets the AWS SDK's Node.js version warning before any client exists.
import './node-warnings';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EXCEL_WEB_UPLOAD } from '#shared/addin-upload';
import { DEMO_USERS } from '#shared/seed/demo-office';
import { configFromEnv, createDocumentClient } from '#functions/store/client';
import { ensureTable } from '#functions/store/ensure-table';
import { seedDemoData } from '#functions/store/seed';
import { DEFAULT_TABLE_NAME } from '#functions/store/table';
import { paneTls } from './dev-certs';
import { freePort, isPortFree, killAllSync, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { desktopExcel, SIDELOAD_MARKER, sideload, sideloadWanted } from './excel-sideload';
import { defaultLocalKeys } from './keys';
import { startPaneBuild } from './pane-build';
import { reportPaneBuild, type PaneServer } from './pane-server';
import { dynamoDbLocalOn, isStartProcess, START_PID_FILE } from './pid-file';
import { startS3Local, type S3Local } from './s3-local';
import { createLocalApi, type LocalApi } from './server';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** `npm start -- --dev`: the pane from Vite's dev server (HMR) rather than the production build. */
const DEV_PANE = process.argv.includes('--dev');
const PID_FILE = START_PID_FILE(ROOT);

let db: DynamoDbLocal | undefined;
let s3: S3Local | undefined;
let api: LocalApi | undefined;
let pane: PaneServer | undefined;
let stopping = false;
let ownsPidFile = false;

async function shutdown(reason: string, code: number): Promise<never> {
  if (stopping) {
    // A second Ctrl-C: do not wait any more (the exit hook SIGKILLs Java).
    killAllSync();
    process.exit(code);
  }
  stopping = true;
  console.log(`\n${reason}: stopping ${pane ? 'the task pane, ' : ''}the API and DynamoDB Local…`);
  try {
    await pane?.close();
    await api?.close();
    await db?.stop();
    await s3?.stop();
  } finally {
    releasePidFile();
    process.exit(code);
  }
}

/** .local/start.pid: how `npm stop` finds this process. One npm start at a time. */
function claimPidFile(): void {
  let previous: number | undefined;
  try {
    previous = Number(readFileSync(PID_FILE, 'utf8').trim()) || undefined;
  } catch {
    previous = undefined;
  }
  if (previous && previous !== process.pid && isStartProcess(previous)) {
    throw new Error(`npm start already runs (pid ${previous}). Stop it first: npm stop (or Ctrl-C where it runs).`);
  }
  mkdirSync(join(ROOT, '.local'), { recursive: true });
  writeFileSync(PID_FILE, `${process.pid}\n`);
  ownsPidFile = true;
}

function releasePidFile(): void {
  if (!ownsPidFile) return;
  try {
    if (Number(readFileSync(PID_FILE, 'utf8').trim()) === process.pid) rmSync(PID_FILE, { force: true });
  } catch {
    // already gone
  }
  ownsPidFile = false;
}
process.on('exit', releasePidFile);

// Before Java starts, so that a Ctrl-C during the start leaves nothing behind either.
process.on('SIGINT', () => void shutdown('SIGINT', 0));
process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
process.on('SIGHUP', () => void shutdown('SIGHUP', 0));

/**
 * `kill <npm's pid>` (what some tools do to stop `npm start`) ends npm and its `sh -c`, but tsx and
 * this process live on, Java too. So watch the process group's leader (npm, or tsx when started
 * without npm) when it is one of our ancestors, and stop when it is gone. Not on Windows (no ps).
 */
function watchLauncher(): void {
  if (process.platform === 'win32') return;
  const ps = (field: string, pid: number) =>
    Number(execFileSync('ps', ['-o', `${field}=`, '-p', String(pid)], { encoding: 'utf8' }).trim());
  try {
    const leader = ps('pgid', process.pid);
    if (!leader || leader === process.pid) return;
    let ancestor = process.ppid;
    for (let depth = 0; ancestor > 1 && ancestor !== leader && depth < 8; depth += 1) ancestor = ps('ppid', ancestor);
    if (ancestor !== leader) return;
    const timer = setInterval(() => {
      try {
        process.kill(leader, 0);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ESRCH') void shutdown(`the process that started this one (${leader}) is gone`, 0);
      }
    }, 1_000);
    timer.unref();
  } catch {
    // no ps: rely on the signals
  }
}

async function main(): Promise<void> {
  watchLauncher();
  claimPidFile();
  const paneWanted = process.env.THIDUA_PANE !== '0' && process.env.THIDUA_PANE !== 'false';
  // The pane's production build runs while Java starts: each takes seconds.
  const paneBuild = paneWanted && !DEV_PANE ? startPaneBuild() : undefined;
  paneBuild?.catch(() => undefined);
  const dynamodbPort = Number(process.env.DYNAMODB_PORT ?? 8000);
  const dataDir = join(ROOT, '.local/dynamodb');
  const leftover = dynamoDbLocalOn(dataDir);
  if (leftover) {
    throw new Error(
      `A DynamoDB Local (pid ${leftover}) already runs on .local/dynamodb, probably left by an npm start that was killed hard. ` +
        `Two on one database file would trip over each other: stop it first (kill ${leftover}).`,
    );
  }
  db = await startDynamoDbLocal({ port: dynamodbPort, fallbackToFreePort: true, dataDir });
  const portNote = db.port === dynamodbPort ? '' : ` (port ${dynamodbPort} was taken)`;
  console.log(`DynamoDB Local on ${db.endpoint}${portNote}, data in .local/dynamodb, answered in ${(db.startedInMs / 1000).toFixed(1)} s`);

  // The dossiers' files: the handlers sign URLs for this endpoint, path-style, as they would for S3.
  const s3Port = Number(process.env.S3_PORT ?? 4568);
  const paneOrigin = `https://localhost:${process.env.PANE_PORT ?? 3000}`;
  s3 = await startS3Local({
    port: (await isPortFree(s3Port)) ? s3Port : await freePort(),
    dataDir: join(ROOT, '.local/s3'),
    origins: [paneOrigin, paneOrigin.replace('https:', 'http:')],
  });
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.BUCKET_NAME = s3.bucket;
  console.log(`s3rver on ${s3.endpoint}, bucket ${s3.bucket}, data in .local/s3`);

  // The handlers make their DynamoDB client when they load, from these: set them first.
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  process.env.TABLE_NAME ??= DEFAULT_TABLE_NAME;
  process.env.AWS_REGION ??= 'ap-southeast-1';
  const config = configFromEnv();

  const client = new DynamoDBClient({
    region: config.region,
    endpoint: db.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const created = await ensureTable(client, config.tableName);
  client.destroy();
  console.log(`Table ${config.tableName}: ${created ? 'created' : 'already there'}`);

  const doc = createDocumentClient(config);
  try {
    const seeded = await seedDemoData(doc, config.tableName);
    console.log(`Demo data: ${seeded ? 'seeded (the campaign, the office, the demo users)' : 'already there, left as it is'}`);
  } catch (error) {
    console.error('Demo data: seeding FAILED, the API runs on whatever the table holds:', error);
  } finally {
    doc.destroy();
  }

  const keys = await defaultLocalKeys();
  const { HANDLERS } = await import('./handlers');
  const { db: store } = await import('#functions/store/client');
  const { getUser, listUsers } = await import('#functions/store/org-store');
  const anyEmail = process.env.THIDUA_DEV_TOKENS === 'any';
  // The dev sign-in signs for the users the table knows (the demo ones, and any an admin added).
  const knownUser = async (email: string) => (await getUser(store(), email)) !== undefined;
  api = createLocalApi({
    handlers: HANDLERS,
    verify: (token) => keys.verifyToken(token),
    dev: {
      issueToken: (email) => keys.issueToken(email),
      // The picker offers the table's users: one an admin added in the Người dùng sheet signs in too.
      users: () => listUsers(store()),
      allowEmail: anyEmail ? () => true : knownUser,
    },
  });
  const port = Number(process.env.PORT ?? 3001);
  const host = process.env.HOST ?? '127.0.0.1';
  try {
    await api.listen(port, host);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} is in use (another npm start?). Stop it, or run with PORT=<another port>.`);
    }
    throw error;
  }
  const base = `http://${host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;

  const paneNotes: string[] = [];
  if (paneWanted) {
    const tls = await paneTls();
    if (tls.kind === 'http')
      paneNotes.push(
        `WARNING: the task pane is served over plain HTTP: ${tls.reason}. Office loads add-ins only over HTTPS; a browser is fine.`,
      );
    else paneNotes.push(...tls.notes);
    const { startPaneServer } = await import('./pane-server');
    pane = await startPaneServer({
      apiUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host}:${port}`,
      port: Number(process.env.PANE_PORT ?? 3000),
      host,
      tls,
      mode: DEV_PANE ? 'dev' : 'build',
      ...(paneBuild ? { build: paneBuild } : {}),
    });
    await reportPaneBuild(pane);
  }
  if (pane && pane.port !== 3000) paneNotes.push(`manifest.xml names port 3000: Excel will not find the pane on ${pane.port}.`);
  if (pane) paneNotes.unshift("Sign in there as any demo user below (the runner's dev sign-in).");
  if (pane && pane.mode === 'build')
    paneNotes.push(`Without Excel: ${pane.origin}/demo/ (the pane in a simulated workbook; npm run demo opens it).`);
  const taskpane = pane ? `${pane.origin}/taskpane.html` : undefined;
  const manifest = join(ROOT, 'manifest.xml');

  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  console.log(`
thidua API on ${base}${pane ? `, and ${pane.origin}/api/… through the task pane's server` : ''}
${taskpane ? `Task pane on ${taskpane}${paneNotes.length ? `\n${paneNotes.map((note) => `  ${note}`).join('\n')}` : ''}\n` : ''}
Demo users (any of them can sign in locally):
${DEMO_USERS.map((user) => `  ${user.email.padEnd(width)}  ${user.role.padEnd(9)}  ${user.displayName}`).join('\n')}

A token (signed with the key in .local/keys, valid 8 h):
  TOKEN=$(npm run -s token -- tochuc@thidua.local)
  curl -H "Authorization: Bearer $TOKEN" ${base}/me
or, as the add-in's dev sign-in does:
  curl -X POST ${base}/dev/token -H 'content-type: application/json' -d '{"email":"tochuc@thidua.local"}'
${anyEmail ? 'THIDUA_DEV_TOKENS=any: /dev/token signs for any e-mail.\n' : '(/dev/token signs for the users in the table; THIDUA_DEV_TOKENS=any for any e-mail.)\n'}`);

  if (taskpane) await offerToExcel(taskpane, manifest, pane!.https);
  console.log(`Ctrl-C (or npm stop) stops ${pane ? 'the task pane, ' : ''}the API and DynamoDB Local.`);
}

/** Sideloads into desktop Excel where it is installed; elsewhere says how to open the pane. */
async function offerToExcel(taskpane: string, manifest: string, https: boolean): Promise<void> {
  const excel = desktopExcel();
  if (!excel.installed) {
    console.log(`Excel không có trên máy này (${excel.why}): mở ${taskpane} trong trình duyệt, hoặc nạp manifest.xml vào Excel trên web
(${EXCEL_WEB_UPLOAD.vi}).
Excel is not on this machine: open ${taskpane} in a browser, or upload manifest.xml to Excel on the web
(${EXCEL_WEB_UPLOAD.en}).
`);
    return;
  }
  if (!sideloadWanted()) {
    console.log(`Excel is installed (${excel.where}); THIDUA_SIDELOAD=0, so the add-in was not sideloaded.\n`);
    return;
  }
  if (!https) {
    console.log('Excel is installed, but the pane is served over HTTP, which Office refuses: not sideloading.\n');
    return;
  }
  try {
    const lines = await sideload(manifest, SIDELOAD_MARKER(ROOT));
    console.log(
      `${lines.map((line) => `  ${line}`).join('\n')}\nThe add-in is sideloaded into Excel: Trang đầu (Home) → Đề nghị khen thưởng. npm stop undoes it.\n`,
    );
  } catch (error) {
    console.error(`Could not sideload into Excel: ${(error as Error).message}\nOpen ${taskpane}, or sideload manifest.xml by hand.\n`);
  }
}

main().catch(async (error: unknown) => {
  console.error(`\nCould not start: ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof Error && /needs Java|in use|already runs/.test(error.message))) console.error(error);
  await shutdown('start failed', 1);
});
