/** What the add-in bench measured, as its table, its goals and BENCH_JSON_ADDIN. */
import os from 'node:os';
import { goalsTable, int, ms, table, type Goal } from './report';
import { GOAL_MS, GOAL_ROWS, GOAL_SYNCS, LATENCY, REPEATS, SAVED, WARMUP } from './addin-config';

export interface AddinRun {
  rows: number;
  /** Click on "Lưu" → end of the save's last request to Excel (results written). */
  writtenMs: number;
  /** Click → the pane no longer saving. */
  idleMs: number;
  /** context.sync calls of the save, counted by the host; and as the pane counts them. */
  syncs: number;
  paneSyncs: number;
  /** HTTP requests the save made (through the proxy), and how many were POST …/batch. */
  httpRequests: number;
  batchPosts: number;
  /** Bytes of the largest request to Excel, and of the save's POST bodies. */
  maxExcelRequestBytes: number;
  postBytes: number;
  saved: number;
  /** Rows whose messages cell was written (rows with findings). */
  withMessages: number;
  naive?: { syncs: number; ms: number };
}

export interface AddinSizeResult {
  /** Rows saved in the sheet before the measured save (0: an empty sheet). */
  saved: number;
  rows: number;
  runs: AddinRun[];
  median: AddinRun;
}

export function printAddinResults(results: AddinSizeResult[], context: { loadBefore: number; seconds: number }): void {
  const many = results.some((r) => r.runs.length > 1);
  const col = (f: (r: AddinSizeResult) => string) => results.map(f);
  const header = ['', ...results.map((r) => (r.saved > 0 ? `${int(r.rows)} under ${int(r.saved)}` : `${int(r.rows)} rows`))];
  const rows: string[][] = [
    ['Runs', ...col((r) => `${r.runs.length}`)],
    [`Save → results written in the sheet${many ? ', median' : ''}`, ...col((r) => ms(r.median.writtenMs))],
    ...(many ? [['  runs', ...col((r) => r.runs.map((run) => (run.writtenMs / 1000).toFixed(2)).join(' / ') + ' s')]] : []),
    ['Save → pane idle again', ...col((r) => ms(r.median.idleMs))],
    ['context.sync calls in the save (host count)', ...col((r) => `${r.median.syncs}`)],
    ['  as the pane counts them', ...col((r) => `${r.median.paneSyncs}`)],
    ['  naive: one sync per row', ...col((r) => int(r.rows))],
    ...(results.some((r) => r.median.naive)
      ? [
          [
            '  naive loop in the same host, measured',
            ...col((r) => (r.median.naive ? `${ms(r.median.naive.ms)} (${int(r.median.naive.syncs)} syncs)` : '–')),
          ],
        ]
      : []),
    ['HTTP requests in the save', ...col((r) => `${r.median.httpRequests}`)],
    ['  of which POST …/nominations/batch', ...col((r) => `${r.median.batchPosts}`)],
    ['  bytes posted', ...col((r) => int(r.median.postBytes))],
    ['Largest request to Excel (limit 5 MB)', ...col((r) => `${(r.median.maxExcelRequestBytes / 1024 / 1024).toFixed(2)} MB`)],
    ['Rows saved / with messages written', ...col((r) => `${int(r.median.saved)} / ${int(r.median.withMessages)}`)],
  ];
  console.log('\n=== Add-in: save in the stand-in Excel host (built pane in Chromium, local API) ===');
  console.log(
    [
      `Chromium (playwright-core), the pane as vite build makes it, the stand-in host of tests/e2e/host; sync latency added by the host: ${LATENCY} ms.`,
      `Each run: a fresh campaign and Excel window, bench/rows.ts's rows pasted, "Lưu" clicked; the median of the runs${WARMUP > 0 ? `, after an unreported warm-up of ${int(WARMUP)} rows` : ''}.`,
      `"N under ${int(SAVED)}": the N rows pasted under ${int(SAVED)} rows saved just before in the same sheet, which then holds the add-in's notes (located in the request that reads back the rows written).`,
      'A save: 1 request reads the table (values, known ids, how many notes), 1 reads back the rows it writes with every note located, 1 writes; a body whose values exceed what one response carries (4.5 MB planned of the 5 MB limit, ~650 bytes a row: ~7,000 rows) is read in ⌈size / 4.5 MB⌉.',
      "Times are the host page's clock: from the click to the end of the save's last request to Excel (results written), and to the pane's \"saving\" going off.",
      `The naive loop's time flatters it: a sync in the stand-in costs a task switch${LATENCY > 0 ? ` plus ${LATENCY} ms` : ''}, while in Excel each sync is a round trip to the workbook (over the network on the web), N of them one after another.`,
      `Machine: Node ${process.version}, ${os.cpus().length} CPUs; load average ${context.loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end. Took ${context.seconds.toFixed(0)} s.`,
    ].join('\n'),
  );
  console.log('');
  console.log(table(rows, header));

  const goals: Goal[] = [];
  for (const r of results) {
    const worst = Math.max(...r.runs.map((run) => run.syncs));
    const what = r.saved > 0 ? `${int(r.rows)} rows under ${int(r.saved)} saved` : `${int(r.rows)} rows`;
    goals.push({
      goal: `context.sync calls in a save of ${what} ≤ ${GOAL_SYNCS} (every run)`,
      value: `${worst}`,
      pass: worst <= GOAL_SYNCS,
    });
  }
  const goalSize = results.find((r) => r.rows === GOAL_ROWS && r.saved === 0);
  if (goalSize)
    goals.push({
      goal: `${int(GOAL_ROWS)} rows: Save → results written under ${GOAL_MS / 1000} s (median)`,
      value: ms(goalSize.median.writtenMs),
      pass: goalSize.median.writtenMs < GOAL_MS,
    });
  console.log('');
  console.log(goalsTable(goals));
  console.log(
    `\nBENCH_JSON_ADDIN ${JSON.stringify({
      latencyMs: LATENCY,
      repeats: REPEATS,
      sizes: results.map((r) => ({
        savedBefore: r.saved,
        ...r.median,
        runs: r.runs.map((run) => ({ writtenMs: Math.round(run.writtenMs), syncs: run.syncs })),
      })),
      goals: goals.map((g) => ({ goal: g.goal, value: g.value, pass: g.pass })),
    })}`,
  );
}
