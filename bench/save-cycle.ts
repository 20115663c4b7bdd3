/**
 * One changed row saved through the pane's whole cycle, in `npm run bench` (BENCH_CYCLE=0 skips it):
 * the real controller over the real Office.js gateway in the stand-in Excel host (in node), its API
 * client over HTTP to the local API (the real handlers on DynamoDB Local, in this process). For each
 * campaign size it counts the DynamoDB requests from the click on "Lưu" to the pane being idle: the
 * save's request and anything the pane asks afterwards. The goal: the same count for 1,000 and 10,000
 * rows. Beside it, what the full report ("Kiểm tra lại", which a save no longer calls) costs.
 *
 * Environment: BENCH_CYCLE_SIZES (1000,10000).
 */
import { performance } from 'node:perf_hooks';
import { createApiClient } from '#addin/api/index';
import { createPaneController } from '#addin/app/controller';
import { createOfficeGateway } from '#addin/excel/office-gateway';
import { requestCounter } from '#functions/store/client';
import { MAX_BATCH_ROWS } from '#shared/api/save';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { buildColumns, TABLE_NAME } from '#shared/sheet/columns';
import { standInExcel } from '#tests/support/office/excel';
import { createCampaign, type AddinBenchContext } from './addin';
import { goalsTable, int, ms, table } from './report';
import { benchPaneSession } from './pane-deps';
import { makeRows } from './rows';

const ENABLED = process.env.BENCH_CYCLE !== '0';
const SIZES = (process.env.BENCH_CYCLE_SIZES ?? '1000,10000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const HR = 'tochuc@thidua.local';

interface CycleRun {
  rows: number;
  /** DynamoDB requests from the click to the pane being idle. */
  dynamoRequests: number;
  /** The pane's HTTP requests in that time. */
  http: string[];
  ms: number;
  /** DynamoDB requests of the full report ("Kiểm tra lại"). */
  reportRequests: number;
}

/** Waits until no DynamoDB request has been sent for 3 s: work the measured cycle must not count. */
async function quiet(): Promise<void> {
  for (let seen = -1, still = 0; still < 6;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    still = requestCounter.count === seen ? still + 1 : 0;
    seen = requestCounter.count;
  }
}

/** A campaign of `n` saved rows, opened in a pane; one row's achievements edited in the sheet, then saved. */
async function cycle(ctx: AddinBenchContext, n: number): Promise<CycleRun> {
  const campaign = await createCampaign(ctx, n, 'cycle');
  const token = await ctx.issueToken(HR);
  const post = async (rows: unknown[]) => {
    const response = await fetch(`${ctx.baseUrl}/campaigns/${campaign.id}/nominations/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rows }),
    });
    if (response.status !== 200) throw new Error(`seeding ${n} rows failed: ${response.status} ${await response.text()}`);
  };
  const rows = makeRows(n);
  for (let i = 0; i < rows.length; i += MAX_BATCH_ROWS) await post(rows.slice(i, i + MAX_BATCH_ROWS));

  const office = standInExcel();
  const gateway = createOfficeGateway({ excel: office.excel, isSetSupported: office.isSetSupported });
  const http: string[] = [];
  const logged: typeof fetch = (input, init) => {
    http.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.replace(`/campaigns/${campaign.id}`, '/campaigns/{id}')}`);
    return fetch(input, init);
  };
  const { tokens, storage } = benchPaneSession(token);
  const api = createApiClient({ baseUrl: ctx.baseUrl, getToken: async () => token, fetch: logged });
  const pane = createPaneController({ gateway, api, tokens, storage });
  try {
    await pane.start();
    await pane.idle();
    await pane.actions.selectCampaign(campaign.id);
    // On a loaded machine the full report of a large campaign (asked for on opening) may outlast the
    // gateway's 30 s: open again until the sheet is in, then let the handlers still running finish.
    for (let attempt = 0; attempt < 3 && pane.getState().sheet !== 'ready'; attempt += 1) {
      await pane.actions.openSheet();
      await pane.idle();
    }
    if (pane.getState().sheet !== 'ready') throw new Error(`the pane did not open ${n} rows: ${JSON.stringify(pane.getState().error)}`);
    await quiet();

    // The user edits one row's achievements, as typed in the sheet.
    const columns = buildColumns({ campaign: SEED_CAMPAIGN, units: DEMO_UNITS, people: DEMO_PEOPLE });
    const column = columns.findIndex((c) => c.id === 'achievements');
    const row = Math.floor(n / 2);
    await office.excel.run(async (context) => {
      const cell = context.workbook.tables.getItem(TABLE_NAME).getDataBodyRange().getCell(row, column);
      cell.load('values');
      await context.sync();
      cell.values = [[`${String(cell.values[0]![0])} Bổ sung.`]];
      await context.sync();
    });

    http.length = 0;
    const before = requestCounter.count;
    const from = performance.now();
    await pane.actions.save();
    await pane.idle();
    const took = performance.now() - from;
    const dynamoRequests = requestCounter.count - before;
    const cycleHttp = [...http];
    const saved = pane.getState().lastSave?.saved;
    if (saved !== 1) throw new Error(`the one changed row was not saved (${saved ?? 0} saved): ${JSON.stringify(pane.getState().error)}`);

    const beforeReport = requestCounter.count;
    await pane.actions.refreshReport();
    await pane.idle();
    return { rows: n, dynamoRequests, http: cycleHttp, ms: took, reportRequests: requestCounter.count - beforeReport };
  } finally {
    await pane.dispose();
  }
}

export async function runSaveCycleBench(ctx: AddinBenchContext): Promise<void> {
  if (!ENABLED) return;
  const runs: CycleRun[] = [];
  for (const n of SIZES) {
    ctx.progress?.(`save cycle: one changed row through the pane in a campaign of ${int(n)} rows…`);
    runs.push(await cycle(ctx, n));
  }
  const counts = runs.map((run) => run.dynamoRequests);
  console.log(`
=== One changed row through the pane's whole cycle (click on "Lưu" → pane idle) ===
The real controller and Office.js gateway over the stand-in Excel host (node), the API client over HTTP to the local API.
${table(
  runs.map((run) => [`${int(run.rows)} rows`, int(run.dynamoRequests), run.http.join(', '), ms(run.ms), int(run.reportRequests)]),
  ['campaign', 'DynamoDB requests', "the pane's HTTP requests", 'time', '"Kiểm tra lại" (full report): DynamoDB requests'],
)}

${goalsTable([
  {
    goal: 'One changed row, whole cycle: DynamoDB requests do not grow with the campaign',
    value: counts.join(' vs '),
    pass: counts.length > 0 && counts.every((count) => count === counts[0]),
  },
])}`);
}
