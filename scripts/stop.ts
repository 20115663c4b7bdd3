/**
 * `npm stop`: undoes `npm start`. Stops a running npm start (its pid is in .local/start.pid; it then
 * stops the task pane, the API and Java itself, as on Ctrl-C), and unregisters the add-in from desktop
 * Excel where `npm start` sideloaded it (office-addin-debugging stop).
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopExcel, SIDELOAD_MARKER, unsideload } from '#local/excel-sideload';
import { dynamoDbLocalOn, isAlive, isStartProcess, readPid, START_PID_FILE } from '#local/pid-file';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await sleep(200);
  }
  return !isAlive(pid);
}

async function stopRunner(): Promise<void> {
  const pidFile = START_PID_FILE(ROOT);
  const pid = readPid(pidFile);
  if (!pid || !isStartProcess(pid)) {
    if (existsSync(pidFile)) rmSync(pidFile, { force: true });
    console.log('npm start is not running.');
  } else {
    console.log(`Stopping npm start (pid ${pid})…`);
    process.kill(pid, 'SIGTERM');
    if (await waitForExit(pid, 20_000)) {
      console.log('npm start has stopped: the task pane, the API and DynamoDB Local.');
    } else {
      console.log(`npm start (pid ${pid}) did not stop within 20 s: killing it.`);
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
      rmSync(pidFile, { force: true });
    }
  }
  // Only after a hard kill does a DynamoDB Local outlive npm start.
  const java = dynamoDbLocalOn(join(ROOT, '.local/dynamodb'));
  if (java) {
    console.log(`A DynamoDB Local (pid ${java}) still runs on .local/dynamodb: stopping it.`);
    process.kill(java, 'SIGTERM');
    if (!(await waitForExit(java, 10_000))) process.kill(java, 'SIGKILL');
  }
}

async function undoSideload(): Promise<void> {
  const marker = SIDELOAD_MARKER(ROOT);
  const excel = desktopExcel();
  if (!excel.installed && !existsSync(marker)) {
    console.log('Excel không có trên máy này: không có bổ trợ nào để gỡ. (No desktop Excel here: nothing to unregister.)');
    return;
  }
  try {
    const lines = await unsideload(join(ROOT, 'manifest.xml'), marker);
    for (const line of lines) console.log(`  ${line}`);
    console.log('The add-in is no longer sideloaded into Excel.');
  } catch (error) {
    console.error(`Could not unregister the add-in from Excel: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

await stopRunner();
await undoSideload();
