/**
 * The add-in's save as a person sees it, in `npm run bench` (BENCH_ADDIN=0 skips it; on its own:
 * `npx tsx bench/addin-main.ts`). For 1,000 and 5,000 rows pasted into the stand-in Excel host
 * (tests/e2e/host) with the built pane (vite build, production) in Chromium, over the local API:
 *   - the time from clicking "Lưu" to the results being written in the sheet (the end of the save's
 *     last request to Excel), and to the pane being idle again;
 *   - the context.sync calls of the save (the host counts them; the pane's own count beside it), and
 *     the HTTP requests it made (the e2e server's proxy counts them);
 *   - beside them, the naive figure: one sync per row, N syncs, and the time such a loop takes in the
 *     same host (each row's message and fill written in its own Excel.run and sync).
 * Each size is measured twice: into an empty sheet, and pasted under 1,000 rows saved before (the sheet
 * then holds the add-in's notes, which a save locates in the request that reads back the rows it writes).
 * Goals (issue 13): at most 3 syncs whatever the sheet holds; 1,000 rows under 1 s on a quiet machine.
 *
 * Each run is a fresh campaign (created through the API as the admin, a copy of the seed campaign)
 * in a fresh Excel window, so the sheet starts empty whatever the API's table holds. The rows are
 * bench/rows.ts's, typed into the sheet as a clerk would (tests/e2e/support/rows.ts).
 *
 * Environment: BENCH_ADDIN_SIZES (1000,5000), BENCH_ADDIN_REPEATS (3, median reported; into an empty
 * sheet), BENCH_ADDIN_SAVED (1000 rows saved first for the second case; 0 skips it),
 * BENCH_ADDIN_SAVED_REPEATS (1),
 * BENCH_ADDIN_WARMUP (300 rows, one unreported run; 0 for none), BENCH_ADDIN_LATENCY (0: ms the host
 * adds to every sync, to see the effect of Excel's round trips), BENCH_ADDIN_NAIVE (1: measure the naive
 * loop), THIDUA_E2E_PANE_DIR (a pane built beforehand), CHROMIUM_PATH (/usr/bin/chromium).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_USERS } from '#shared/seed/demo-office';
import { buildPane } from '#tests/e2e/support/assets';
import { launchChromium } from '#tests/e2e/support/browser';
import { HostPage } from '#tests/e2e/support/host-page';
import { sheetRow, TABLE, columnIndex } from '#tests/e2e/support/rows';
import { startE2eServer, type E2eServer } from '#tests/e2e/support/server';
import { int, ms } from './report';
import { makeRows } from './rows';
import { ENABLED, LATENCY, NAIVE, HR, ADMIN, SIZES, REPEATS, SAVED, SAVED_REPEATS, WARMUP } from './addin-config';
import { printAddinResults, type AddinRun, type AddinSizeResult } from './addin-report';

export interface AddinBenchContext {
  /** The local API (the real handlers). */
  baseUrl: string;
  /** Signs a token for a demo user (the admin creates the bench's campaigns; HR saves). */
  issueToken(email: string): Promise<string>;
  /** The API serves /dev/users and /dev/token itself (the local runner); otherwise this bench answers them. */
  apiHasDevRoutes?: boolean;
  progress?: (line: string) => void;
}

function median<T>(items: readonly T[], key: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export async function createCampaign(ctx: AddinBenchContext, rows: number, label: string): Promise<{ id: string; title: string }> {
  const id = `bench-addin-${rows}-${label}-${Date.now().toString(36)}`;
  const title = `Bench add-in: ${int(rows)} dòng (${label})`;
  const token = await ctx.issueToken(ADMIN);
  const response = await fetch(`${ctx.baseUrl}/campaigns`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...SEED_CAMPAIGN, id, title }),
  });
  if (response.status !== 201) throw new Error(`creating the bench's campaign failed: ${response.status} ${await response.text()}`);
  // A campaign starts in draft: opened, so that HR's rows are taken.
  const { version } = (await response.json()) as { version: number };
  const opened = await fetch(`${ctx.baseUrl}/campaigns/${id}/stage`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ to: 'open', version }),
  });
  if (opened.status !== 200) throw new Error(`opening the bench's campaign failed: ${opened.status} ${await opened.text()}`);
  return { id, title };
}

/**
 * One measured save of `rows` pasted rows, in a fresh window and campaign; with `saved`, that many rows
 * are pasted and saved first (not measured), and the measured rows pasted under them.
 */
async function measureOnce(
  ctx: AddinBenchContext,
  server: E2eServer,
  browser: Awaited<ReturnType<typeof launchChromium>>,
  rows: number,
  label: string,
  saved = 0,
): Promise<AddinRun> {
  const campaign = await createCampaign(ctx, rows, label);
  const excel = await HostPage.open(browser, server, LATENCY > 0 ? { latency: LATENCY } : {});
  try {
    await excel.signIn(HR);
    await excel.setAutosave(false);
    await excel.pane.getByRole('combobox', { name: 'Đợt thi đua' }).selectOption(campaign.id);
    await excel.waitForState(
      new Function('state', `return state.campaignId === ${JSON.stringify(campaign.id)} && !state.busy;`) as (state: unknown) => boolean,
    );
    await excel.openSheet();
    if (saved > 0) {
      await excel.pasteRows(makeRows(saved, 1).map(sheetRow));
      const first = await excel.save();
      if (first.state.lastSave?.saved !== saved) throw new Error(`the first save of ${saved} rows saved ${first.state.lastSave?.saved}`);
    }
    await excel.pasteRows(makeRows(rows).map(sheetRow));
    // The pane has heard the paste (its onChanged handler) before Save is clicked.
    await excel.waitForState((state) => state.edited);

    const before = await excel.stats();
    const saves = await excel.saveCount();
    const serverAtClick = server.now();
    const clickedAt = await excel.page.evaluate(() => {
      const frame = document.getElementById('pane') as HTMLIFrameElement;
      const button = Array.from(frame.contentDocument!.querySelectorAll('button')).find(
        (candidate) => candidate.textContent?.trim() === 'Lưu',
      );
      if (!button) throw new Error('no "Lưu" button in the pane');
      const at = performance.now();
      button.click();
      return at;
    });
    const save = await excel.waitForSave(saves + 1, 600_000);
    const after = await excel.stats();
    const during = after.requests.slice(before.requests.length).filter((request) => request.end <= save.endedAt + 1);
    const writtenAt = Math.max(...during.map((request) => request.end));
    const serverAtIdle = serverAtClick + (save.endedAt - clickedAt);
    const http = server.requests.filter(
      (request) => request.start >= serverAtClick && request.start <= serverAtIdle && request.path.startsWith('/api'),
    );
    const messages = (await excel.column('messages')).slice(saved);
    const run: AddinRun = {
      rows,
      writtenMs: writtenAt - clickedAt,
      idleMs: save.endedAt - clickedAt,
      syncs: during.length,
      paneSyncs: save.state.lastSaveSyncs ?? -1,
      httpRequests: http.length,
      batchPosts: http.filter((request) => request.method === 'POST' && request.path.endsWith('/nominations/batch')).length,
      maxExcelRequestBytes: Math.max(0, ...during.map((request) => request.bytes)),
      postBytes: http.filter((request) => request.method === 'POST').reduce((sum, request) => sum + request.requestBytes, 0),
      saved: save.state.lastSave?.saved ?? 0,
      withMessages: messages.filter((cell) => cell.value !== '').length,
    };
    if (save.state.error) throw new Error(`the save of ${rows} rows ended in an error: ${save.state.error.vi}`);
    if (run.saved !== rows) throw new Error(`the save of ${rows} rows saved ${run.saved}`);
    if (after.gaps.length > 0) throw new Error(`the stand-in host lacks what the add-in used: ${after.gaps.join(', ')}`);
    if (NAIVE) run.naive = await naiveLoop(excel, rows);
    return run;
  } finally {
    await excel.close();
  }
}

/**
 * What a naive add-in would do: one Excel.run and one sync per row, writing that row's message and
 * fill (the same values the save wrote), in the same host.
 */
async function naiveLoop(excel: HostPage, rows: number): Promise<{ syncs: number; ms: number }> {
  return excel.page.evaluate(
    async ({ tableName, messagesColumn, count }) => {
      const host = window.thiduaHost!;
      host.attachPane(window);
      type Run = (batch: (context: any) => Promise<void>) => Promise<void>;
      const excelApi = (window as unknown as { Excel: { run: Run } }).Excel;
      const messages = host.tableValues(tableName).map((row) => row[messagesColumn]);
      const fills = host.tableFills(tableName);
      const syncsBefore = host.stats().syncs;
      const started = performance.now();
      for (let row = 0; row < count; row += 1) {
        await excelApi.run(async (context) => {
          const body = context.workbook.tables.getItem(tableName).getDataBodyRange();
          body.getCell(row, messagesColumn).values = [[messages[row] ?? '']];
          const line = body.getCell(row, 0).getResizedRange(0, messagesColumn);
          if (fills[row]) line.format.fill.color = fills[row];
          else line.format.fill.clear();
          await context.sync();
        });
      }
      return { ms: performance.now() - started, syncs: host.stats().syncs - syncsBefore };
    },
    { tableName: TABLE, messagesColumn: columnIndex('messages'), count: rows },
  );
}

export async function runAddinBench(ctx: AddinBenchContext): Promise<AddinSizeResult[] | undefined> {
  if (!ENABLED) {
    console.log('\n(Add-in bench skipped: BENCH_ADDIN=0)');
    return undefined;
  }
  const progress = ctx.progress ?? ((line: string) => console.log(line));
  const started = performance.now();
  const loadBefore = os.loadavg()[0]!;
  const givenPane = process.env.THIDUA_E2E_PANE_DIR;
  progress(givenPane ? `add-in: using the pane built in ${givenPane}` : 'add-in: building the pane (vite build, production)…');
  const pane = givenPane ? { dir: givenPane, ms: 0, remove: async () => {} } : await buildPane();
  const server = await startE2eServer({
    apiUrl: ctx.baseUrl,
    paneDir: pane.dir,
    ...(ctx.apiHasDevRoutes ? {} : { dev: { users: DEMO_USERS, issueToken: (email: string) => ctx.issueToken(email) } }),
  });
  const browser = await launchChromium();
  const results: AddinSizeResult[] = [];
  try {
    if (WARMUP > 0) {
      progress(`add-in: warm-up, one save of ${int(WARMUP)} rows (not reported: Chromium, the JIT, DynamoDB Local)…`);
      await measureOnce(ctx, server, browser, WARMUP, 'warm-up');
    }
    const cases = [
      ...SIZES.map((rows) => ({ rows, saved: 0, repeats: REPEATS })),
      ...(SAVED > 0 ? SIZES.map((rows) => ({ rows, saved: SAVED, repeats: SAVED_REPEATS })) : []),
    ];
    for (const { rows, saved, repeats } of cases) {
      const runs: AddinRun[] = [];
      const what = `${int(rows)} rows${saved > 0 ? ` under ${int(saved)} saved` : ''}`;
      for (let run = 0; run < repeats; run += 1) {
        progress(`add-in: ${what} pasted, Save clicked${repeats > 1 ? ` (run ${run + 1}/${repeats})` : ''}…`);
        const measured = await measureOnce(ctx, server, browser, rows, `${saved > 0 ? 'saved-' : ''}run-${run + 1}`, saved);
        progress(
          `add-in: ${what}: results written ${ms(measured.writtenMs)} after the click, ${measured.syncs} syncs, ${measured.httpRequests} HTTP requests` +
            (measured.naive ? `; naive loop ${int(measured.naive.syncs)} syncs, ${ms(measured.naive.ms)}` : ''),
        );
        runs.push(measured);
      }
      results.push({ saved, rows, runs, median: median(runs, (run) => run.writtenMs) });
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    if (!givenPane) await pane.remove();
  }
  printAddinResults(results, { loadBefore, seconds: (performance.now() - started) / 1000 });
  return results;
}
