import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a running `npm start` writes its pid, for `npm stop`. */
export const START_PID_FILE = (root: string) => join(root, '.local/start.pid');

/** The pid in the file, if there is a readable one. */
export function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `pid` is alive and is local/start.ts (a reused pid is some other program). */
export function isStartProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const args = commandLine(pid);
  return args === undefined || args.includes('local/start');
}

function commandLine(pid: number): string | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    // no /proc (macOS)
  }
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

/** The pid of a DynamoDB Local running on this data directory, if any (not on Windows). */
export function dynamoDbLocalOn(dataDir: string): number | undefined {
  return dynamoDbLocalRunningOn(dataDir)?.pid;
}

/** A DynamoDB Local running on this data directory: its pid and the port its command line names. */
export function dynamoDbLocalRunningOn(dataDir: string): { pid: number; port: number | undefined } | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
    const line = lines.find((candidate) => candidate.includes('DynamoDBLocal.jar') && candidate.includes(`-dbPath ${dataDir} `));
    if (!line) return undefined;
    const port = /-port (\d+)/.exec(line)?.[1];
    return { pid: Number(line.trim().split(/\s+/)[0]), port: port ? Number(port) : undefined };
  } catch {
    return undefined;
  }
}
