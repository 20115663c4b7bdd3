/**
 * The Cán bộ sheet pasted and saved through the pane (issue 10), in `npm run bench` (BENCH_ORG=0 skips
 * it; on its own: `npx tsx bench/org-sheets-main.ts`): the real controller and Office.js org sheets
 * over the stand-in Excel host (node), its API client over HTTP to the local API (the real handlers on
 * DynamoDB Local, in this process). For each size the admin opens the sheet, n staff without codes are
 * pasted under the list (one Excel request, not counted), and "Lưu" is measured until the pane is idle:
 * the time, the context.sync calls of the org sheets, the DynamoDB requests and the PUT /people sent.
 * Goal: the syncs are the same whatever the rows (read 1, answers 1).
 *
 * Environment: BENCH_ORG_SIZES (200,2000).
 */
import { performance } from 'node:perf_hooks';
import { createApiClient } from '#addin/api/index';
import { createPaneController } from '#addin/app/controller';
import { a1 } from '#addin/excel/council-doc';
import { createOfficeGateway } from '#addin/excel/office-gateway';
import { createOfficeOrgSheets } from '#addin/excel/office-org-sheets';
import { requestCounter } from '#functions/store/client';
import { DEMO_UNITS } from '#shared/seed/demo-office';
import { personSheet } from '#shared/sheet/org-columns';
import { standInExcel } from '#tests/support/office/excel';
import type { AddinBenchContext } from './addin';
import { goalsTable, int, ms } from './report';
import { benchPaneSession } from './pane-deps';

const ENABLED = process.env.BENCH_ORG !== '0';
const SIZES = (process.env.BENCH_ORG_SIZES ?? '200,2000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const ADMIN = 'admin@thidua.local';
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Nông', 'Bế', 'Lục', 'Đặng'];
const GIVEN = ['Thị Hồng', 'Văn Nam', 'Thị Thu', 'Đức Minh', 'Thị Lan', 'Quang Vinh'];

interface OrgRun {
  rows: number;
  ms: number;
  syncs: number;
  dynamoRequests: number;
  puts: number;
  /** The time the PUT requests took, answered (the server's share). */
  putMs: number;
  saved: number;
}

/** n staff as another workbook lists them: no codes, units by short name, dates typed dd/mm/yyyy. */
function pastedStaff(n: number, run: string): Record<string, string>[] {
  return Array.from({ length: n }, (_, i) => ({
    fullName: `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]} ${run}${i}`,
    unit: DEMO_UNITS[i % DEMO_UNITS.length]!.shortName!,
    title: 'Chuyên viên',
    gender: i % 2 ? 'Nữ' : 'Nam',
    birthDate: `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${70 + (i % 30)}`,
  }));
}

async function measure(ctx: AddinBenchContext, n: number): Promise<OrgRun> {
  const token = await ctx.issueToken(ADMIN);
  const office = standInExcel();
  const host = { excel: office.excel, isSetSupported: office.isSetSupported };
  const orgSheets = createOfficeOrgSheets(host);
  const puts: number[] = [];
  const logged: typeof fetch = async (input, init) => {
    const from = performance.now();
    const response = await fetch(input, init);
    if (init?.method === 'PUT') puts.push(performance.now() - from);
    return response;
  };
  const api = createApiClient({ baseUrl: ctx.baseUrl, getToken: async () => token, fetch: logged });
  const pane = createPaneController({ gateway: createOfficeGateway(host), orgSheets, api, ...benchPaneSession(token) });
  try {
    await pane.start();
    await pane.idle();
    await pane.actions.org!.open('people');
    const schema = personSheet({ units: DEMO_UNITS });
    const rows = pastedStaff(n, Date.now().toString(36)).map((typed) => schema.columns.map((column) => typed[column.id] ?? ''));
    await office.excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem(schema.sheetName).getUsedRange(true).load('rowCount');
      await context.sync();
      const block = { row: used.rowCount, column: 0, rows: rows.length, columns: schema.columns.length };
      context.workbook.worksheets.getItem(schema.sheetName).getRange(a1(block)).values = rows;
      await context.sync();
    });

    const syncs = orgSheets.syncCount;
    const before = requestCounter.count;
    const from = performance.now();
    await pane.actions.org!.save('people');
    await pane.idle();
    const took = performance.now() - from;
    const state = pane.getState();
    if (state.error) throw new Error(`the save of ${n} staff failed: ${state.error.vi}`);
    const saved = Number(/đã lưu ([\d.]+) dòng/.exec(state.notice?.vi ?? '')?.[1]?.replace(/\./g, '') ?? -1);
    if (saved !== n) throw new Error(`the save of ${n} staff said: ${state.notice?.vi}`);
    return {
      rows: n,
      ms: took,
      syncs: orgSheets.syncCount - syncs,
      dynamoRequests: requestCounter.count - before,
      puts: puts.length,
      putMs: puts.reduce((a, b) => a + b, 0),
      saved,
    };
  } finally {
    await pane.dispose();
  }
}

export async function runOrgSheetsBench(ctx: AddinBenchContext): Promise<OrgRun[]> {
  if (!ENABLED) return [];
  const runs: OrgRun[] = [];
  for (const n of SIZES) {
    ctx.progress?.(`org sheets: ${int(n)} staff pasted into the Cán bộ sheet and saved through the pane…`);
    runs.push(await measure(ctx, n));
  }
  console.log(`\n=== The Cán bộ sheet: staff pasted without codes, saved through the pane ("Lưu" → codes written back, pane idle) ===`);
  console.log(
    'The real controller and Office.js org sheets over the stand-in Excel host (node), the API client over HTTP to the local API.',
  );
  for (const run of runs)
    console.log(
      `  ${int(run.rows)} staff: ${ms(run.ms)}, ${run.syncs} Excel syncs, ${int(run.dynamoRequests)} DynamoDB requests, ${run.puts} PUT /people (${ms(run.putMs)} of it)`,
    );
  const syncs = runs.map((run) => run.syncs);
  console.log(
    goalsTable([
      { goal: 'Excel syncs of a save do not grow with the rows', value: syncs.join(' vs '), pass: syncs.every((s) => s === syncs[0]) },
    ]),
  );
  console.log(`BENCH_ORG_JSON ${JSON.stringify(runs)}`);
  return runs;
}
