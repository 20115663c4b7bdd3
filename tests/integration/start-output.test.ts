import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isStartProcess, readPid, START_PID_FILE } from '#local/pid-file';

/**
 * `npm start` opens with the product's own lines (issue 12): not the AWS SDK's warning that its
 * releases after January 2027 need Node.js 22, which used to be the first thing printed on Node.js 20.
 * Runs local/start.ts as npm does (the API only, no Excel), reads its first lines, then stops it with
 * Ctrl-C's signal. Skipped while an `npm start` of this checkout runs: there is one at a time.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const running = readPid(START_PID_FILE(ROOT));

describe.skipIf(running !== undefined && isStartProcess(running))('npm start', () => {
  it("prints its own lines first, and no warning of the AWS SDK's", async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, THIDUA_PANE: '0', THIDUA_SIDELOAD: '0', PORT: '0', DYNAMODB_PORT: '0', S3_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "thidua API on" in 90 s:\n${stdout}\n${stderr}`)), 90_000);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          if (stdout.includes('Ctrl-C (or npm stop)')) {
            clearTimeout(timer);
            resolve();
          }
        });
        void exited.then((code) => reject(new Error(`npm start ended (${code}):\n${stdout}\n${stderr}`)));
      });
    } finally {
      child.kill('SIGINT');
      await exited;
    }
    expect(stdout.split('\n')[0]).toMatch(/^DynamoDB Local on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toContain('thidua API on');
    expect(stderr).not.toMatch(/NodeVersionSupportWarning|AWS SDK for JavaScript/);
  }, 120_000);
});
