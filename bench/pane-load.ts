/**
 * The pane's first load, in `npm run bench` (BENCH_PANE=0 skips it; on its own: `npm run bench:pane`).
 * The pane is built as `npm start` builds it (local/pane-build.ts, production) and served by npm start's
 * pane server (local/pane-server.ts, mode 'files', over HTTP), in front of the local API; Chromium
 * (playwright-core, Debian's) opens /demo/, the stand-in Excel host, whose task pane frame loads
 * taskpane.html as Excel's webview would. Measured, each time in a fresh browser context (empty cache):
 *   - the pane: from its frame's navigation to the sign-in screen's "Đăng nhập" button being visible
 *     (the frame's own clock, so the host page's code is not counted);
 *   - the page: from the page's navigation to the same moment (the stand-in host's code included);
 *   - again with the cache warm (a reload of the pane's frame in the same context).
 * And the JavaScript shipped: the scripts the pane's frame loaded (its resource timing), gzipped as a
 * server would send them, beside the budget in bench/pane-budget.ts. Not counted: office.js, which Excel
 * fetches from Microsoft's CDN (the stand-in host replaces it).
 *
 * Environment: BENCH_PANE_RUNS (5, median reported), CHROMIUM_PATH (/usr/bin/chromium).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { startPaneBuild } from '#local/pane-build';
import { startPaneServer } from '#local/pane-server';
import { launchChromium, newPage } from '#tests/e2e/support/browser';
import { kB, pageScripts, PANE_FIRST_LOAD_GOAL_MS, PANE_JS_BUDGET_GZIP_BYTES, shippedFiles, type Shipped } from './pane-budget';
import { ms } from './report';

export const ENABLED = process.env.BENCH_PANE !== '0';
const RUNS = Math.max(1, Number(process.env.BENCH_PANE_RUNS ?? 5));

export interface PaneLoadContext {
  /** The local API (the real handlers); the pane's sign-in screen asks it for the demo users. */
  baseUrl: string;
  progress?: (line: string) => void;
}

interface LoadRun {
  paneMs: number;
  pageMs: number;
  warmPaneMs: number;
  scripts: string[];
}

export interface PaneLoadResult {
  buildMs: number;
  runs: LoadRun[];
  median: { paneMs: number; pageMs: number; warmPaneMs: number };
  loaded: Shipped;
  declared: Shipped;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** The frame's clock (ms since its own navigation) when its sign-in button is first visible, checked every frame. */
function signInVisible(frame: Frame): Promise<number> {
  return frame
    .waitForFunction(
      () => {
        const button = Array.from(document.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === 'Đăng nhập');
        return button && button.getBoundingClientRect().height > 0 ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

async function paneFrame(page: Page): Promise<Frame> {
  await page.waitForSelector('#pane', { state: 'attached' });
  for (;;) {
    const frame = page.frame({ name: 'pane' });
    if (frame && frame.url().includes('/taskpane.html')) return frame;
    await page.waitForTimeout(5);
  }
}

async function loadOnce(browser: Browser, url: string): Promise<LoadRun> {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const frame = await paneFrame(page);
    const paneMs = await signInVisible(frame);
    const origins = await Promise.all([page.evaluate(() => performance.timeOrigin), frame.evaluate(() => performance.timeOrigin)]);
    const scripts = await frame.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith('.js') && path.startsWith('/demo/pane/')),
    );
    await frame.evaluate(() => location.reload());
    const warmPaneMs = await signInVisible(await paneFrame(page));
    return { paneMs, pageMs: origins[1] + paneMs - origins[0], warmPaneMs, scripts };
  } finally {
    await context.close();
  }
}

export async function runPaneLoadBench(ctx: PaneLoadContext): Promise<PaneLoadResult | undefined> {
  if (!ENABLED) {
    console.log('\n(Pane load bench skipped: BENCH_PANE=0)');
    return undefined;
  }
  const progress = ctx.progress ?? ((line: string) => console.log(line));
  const loadBefore = os.loadavg()[0]!;
  const dir = await mkdtemp(join(tmpdir(), 'thidua-bench-pane-'));
  progress('pane: building it as npm start does (vite build, production)…');
  const build = await startPaneBuild({ outDir: dir, watch: false });
  const buildMs = await build.firstBuild;
  const server = await startPaneServer({ apiUrl: ctx.baseUrl, port: 0, tls: { kind: 'http', reason: 'bench' }, mode: 'files', dir });
  const browser = await launchChromium();
  const runs: LoadRun[] = [];
  try {
    progress('pane: one load to start Chromium (not reported)…');
    await loadOnce(browser, `${server.origin}/demo/?user=`);
    for (let run = 1; run <= RUNS; run += 1) {
      const measured = await loadOnce(browser, `${server.origin}/demo/?user=`);
      progress(
        `pane: first load ${run}/${RUNS}: sign-in screen ${ms(measured.paneMs)} after the pane's navigation (cache warm: ${ms(measured.warmPaneMs)})`,
      );
      runs.push(measured);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
  const inPane = (path: string) => path.slice('/demo/pane/'.length);
  const loaded = await shippedFiles(dir, runs[0]!.scripts.map(inPane));
  const declared = await shippedFiles(dir, await pageScripts(dir));
  await rm(dir, { recursive: true, force: true });
  const result: PaneLoadResult = {
    buildMs,
    runs,
    median: {
      paneMs: median(runs.map((run) => run.paneMs)),
      pageMs: median(runs.map((run) => run.pageMs)),
      warmPaneMs: median(runs.map((run) => run.warmPaneMs)),
    },
    loaded,
    declared,
  };
  printPaneLoad(result, loadBefore);
  return result;
}

function printPaneLoad(result: PaneLoadResult, loadBefore: number): void {
  const { median: m, loaded } = result;
  const verdict = (value: number, goal: number) => (value <= goal ? 'OK' : 'OVER');
  console.log(`
=== The pane's first load (built as npm start builds it: production, ${ms(result.buildMs)}; served by its pane server) ===
Median of ${result.runs.length} loads, each in a fresh browser context (empty cache), Chromium headless:
  pane: navigation → sign-in screen visible   ${ms(m.paneMs).padStart(9)}   goal < ${ms(PANE_FIRST_LOAD_GOAL_MS)}: ${verdict(m.paneMs, PANE_FIRST_LOAD_GOAL_MS)}
  page: the stand-in host's navigation → same  ${ms(m.pageMs).padStart(9)}   (the host's own code included)
  pane again, cache warm                       ${ms(m.warmPaneMs).padStart(9)}
JavaScript the pane loaded: ${loaded.files.length} files, ${kB(loaded.bytes)}, gzip ${kB(loaded.gzipBytes)}; budget ${kB(PANE_JS_BUDGET_GZIP_BYTES)} (bench/pane-budget.ts): ${verdict(loaded.gzipBytes, PANE_JS_BUDGET_GZIP_BYTES)}
${loaded.files.map((file) => `  ${file.file.padEnd(40)} ${kB(file.bytes).padStart(10)}  gzip ${kB(file.gzipBytes).padStart(9)}`).join('\n')}
Declared by taskpane.html (entry and modulepreload): gzip ${kB(result.declared.gzipBytes)}. Not counted: office.js (Microsoft's CDN).
Machine load (1-minute average): ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end, on ${os.cpus().length} CPUs.
PANE_BENCH_JSON ${JSON.stringify({ buildMs: Math.round(result.buildMs), ...Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v)])), jsGzipBytes: loaded.gzipBytes, budgetGzipBytes: PANE_JS_BUDGET_GZIP_BYTES })}`);
}
