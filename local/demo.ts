/**
 * `npm run demo`: the product for a person without Excel. Opens /demo/ of the task pane's server (the
 * stand-in Excel workbook with the pane, labelled as a simulation, signed in as a demo user picked in
 * its banner; local/demo-page.ts), starting `npm start` first when it is not running, in this terminal
 * (Ctrl-C stops it, as it would stop npm start). Prints the address, and opens the browser where there
 * is one (THIDUA_OPEN=0: never).
 *
 * Environment: as npm start's (PANE_PORT 3000, THIDUA_HTTP=1 for plain HTTP).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { fileURLToPath } from 'node:url';
import { DEMO_LABEL, DEMO_PATH } from './demo-page';
import { isStartProcess, readPid, START_PID_FILE } from './pid-file';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const START = fileURLToPath(new URL('./start.ts', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The status of GET url, or undefined when nothing answers. The dev certificate may not be trusted here: no check. */
function status(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    const request = get(url, { rejectUnauthorized: false, timeout: 5_000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', () => resolve(undefined));
    request.on('timeout', () => request.destroy());
  });
}

async function firstAnswering(urls: string[]): Promise<string | undefined> {
  for (const url of urls) if ((await status(url)) === 200) return url;
  return undefined;
}

/** Opens the system's browser where a desktop is there to show it; says so when it cannot. */
function openBrowser(url: string): boolean {
  if (process.env.THIDUA_OPEN === '0') return false;
  try {
    if (process.platform === 'darwin') execFileSync('open', [url]);
    else if (process.platform === 'win32') execFileSync('cmd', ['/c', 'start', '""', url]);
    else if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) execFileSync('xdg-open', [url], { stdio: 'ignore' });
    else return false;
    return true;
  } catch {
    return false;
  }
}

function announce(url: string): void {
  const opened = openBrowser(url);
  console.log(`
${DEMO_LABEL}
  ${url}
${opened ? 'Opened in your browser.' : 'Open it in a browser (Chrome, Edge, Firefox).'} The banner's picker signs in as another demo user;
the workbook lives in the tab (a reload empties it), the data in the local API (npm start).${
    url.startsWith('https:') ? "\nA browser warns about the certificate until the add-in's CA is trusted (npm start says how)." : ''
  }
Simulated Excel, not Microsoft Excel: to use the add-in in Excel, see the README's "Quick start".
`);
}

async function main(): Promise<void> {
  const port = Number(process.env.PANE_PORT ?? 3000);
  const origins = [`https://localhost:${port}`, `http://localhost:${port}`];
  // The pane's page answers once its build is written, the demo page at once: ask the former.
  const ready = async () => {
    const origin = await firstAnswering(origins.map((candidate) => `${candidate}/demo/pane/taskpane.html`));
    return origin && `${new URL(origin).origin}${DEMO_PATH}`;
  };
  const pid = readPid(START_PID_FILE(ROOT));
  const running = pid !== undefined && isStartProcess(pid) ? await ready() : undefined;
  if (running) {
    console.log(`npm start is running (pid ${pid}).`);
    announce(running);
    return;
  }

  console.log('npm start is not running: starting it here (Ctrl-C stops it)…\n');
  // The same Node and tsx loader as this process, so that start.ts runs as `npm start` runs it.
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, START], { stdio: 'inherit', env: process.env });
  const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));

  const deadline = Date.now() + 5 * 60_000;
  let url: string | undefined;
  while (!url && child.exitCode === null && Date.now() < deadline) {
    await sleep(1_000);
    url = await ready();
  }
  if (url) announce(url);
  else if (child.exitCode === null) console.error(`The demo page did not answer on port ${port}: see npm start's output above.`);
  process.exit(await exited);
}

main().catch((error: unknown) => {
  console.error(`npm run demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
