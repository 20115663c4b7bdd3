/**
 * The stand-in Excel host page: the workbook's grid on the left, the task pane on the right (about
 * 350 px, as Excel shows a pane), and `window.thiduaHost` for tests. The pane is the add-in's own
 * taskpane.html in an iframe; its office.js <script> is served as office-standin.js, which calls
 * attachPane(window) so that the pane's `Office`, `Excel` and `OfficeExtension` are this host's before
 * the pane's module runs (see tests/e2e/support/server.ts).
 *
 * Query: ?pane=/pane/taskpane.html (default; "none" for no pane), excelApi=1.18, latency=0 (ms per
 * sync), title=... (the workbook's name in the title bar).
 */
import { ExcelHost, officeError } from './excel-api';
import { Grid } from './grid';
import { a1, Sheet, Workbook, type Rect } from './model';
import { createOffice, DEFAULT_REQUIREMENTS } from './office';
import type { CellInfo, HostConfig, HostStats, ThiduaHost } from './types';
import { display, type Scalar } from './values';

const params = new URLSearchParams(location.search);
/** The page may set defaults on the script tag: <script src="/host/host.js" data-pane="none">. */
const defaults = (document.currentScript as HTMLScriptElement | null)?.dataset ?? {};
const config: HostConfig = {
  requirements: { ...DEFAULT_REQUIREMENTS, ...(params.get('excelApi') ? { ExcelApi: params.get('excelApi')! } : {}) },
  syncLatencyMs: Number(params.get('latency') ?? 0) || 0,
  requestLimitBytes: 5 * 1024 * 1024,
  responseLimitBytes: 5 * 1024 * 1024,
};

const workbook = new Workbook();
const excel = new ExcelHost(workbook, config);
const office = createOffice(() => config.requirements);

function sheetNamed(name: string | undefined): Sheet {
  const sheet = name === undefined ? workbook.activeSheet : workbook.sheet(name);
  if (!sheet) throw new Error(`no sheet named ${name}`);
  return sheet;
}

/** A person's entry at (row, column): Excel's parsing, table growth, onChanged. */
function userEntry(sheet: Sheet, row: number, column: number, values: readonly (readonly (Scalar | null)[])[]): Rect {
  return workbook.userEntry(sheet, row, column, values);
}

const title = params.get('title') ?? 'Tổng hợp đề nghị khen thưởng 2025.xlsx';
document.title = `${title} – Excel (giả lập)`;
const grid = new Grid(
  workbook,
  {
    onUserEntry: (sheet, row, column, values) => void userEntry(sheet, row, column, values),
    onUserClear: (sheet, rect) => {
      workbook.clearContents(sheet, rect);
      workbook.userEntered(sheet, rect);
    },
    onEditing: (on) => excel.setEditing(on),
  },
  title,
);

function cellInfo(sheet: Sheet, row: number, column: number): CellInfo {
  const cell = sheet.get(row, column);
  const format = sheet.formatAt(row, column);
  const note = sheet.notes.find((candidate) => candidate.row === row && candidate.column === column);
  const value = sheet.value(row, column);
  return {
    value,
    text: display(value, format, cell?.formula),
    format,
    ...(cell?.formula !== undefined ? { formula: cell.formula } : {}),
    ...(cell?.fill ? { fill: cell.fill } : {}),
    ...(note ? { note: note.content } : {}),
    ...(cell?.wrap ? { wrap: true } : {}),
    ...(cell?.locked !== undefined ? { locked: cell.locked } : {}),
    ...(cell?.font ? { font: { ...cell.font } } : {}),
    ...(cell?.horizontalAlignment ? { horizontalAlignment: cell.horizontalAlignment } : {}),
    ...(cell?.borders ? { borders: { ...cell.borders } } : {}),
    ...(sheet.merges.some((merge) => merge.row === row && merge.column === column) ? { merged: true } : {}),
  };
}

function tableNamed(name: string) {
  const table = workbook.table(name);
  if (!table) throw new Error(`no table named ${name}`);
  return table;
}

const host: ThiduaHost = {
  version: 1,
  config: () => JSON.parse(JSON.stringify(config)) as HostConfig,
  configure(patch) {
    Object.assign(config, patch);
    excel.syncLatencyMs = config.syncLatencyMs;
    excel.requestLimitBytes = config.requestLimitBytes;
    excel.responseLimitBytes = config.responseLimitBytes;
  },
  attachDialog(page) {
    office.dialogs.attach(page as unknown as Window);
  },
  dialogMessage: (message, origin) => office.dialogs.deliver(message, origin),
  dialogUrls: () => [...office.dialogs.opened],
  attachPane(pane) {
    const target = pane as unknown as Record<string, unknown>;
    target.Office = office.office;
    target.Excel = excel.namespace;
    target.OfficeExtension = office.officeExtension;
  },
  stats(): HostStats {
    const { stats } = excel;
    return {
      runs: stats.runs,
      syncs: stats.syncs,
      autoSyncs: stats.autoSyncs,
      requests: stats.requests.map((request) => ({ ...request })),
      maxRequestBytes: Math.max(0, ...stats.requests.map((request) => request.bytes)),
      maxResponseBytes: Math.max(0, ...stats.requests.map((request) => request.responseBytes)),
      gaps: [...stats.gaps],
      officeProbes: [...new Set(office.probes)],
      requirementChecks: [...new Set(office.requirementChecks)],
      events: { ...workbook.eventStats },
      lastRequestEnd: lastRequestEnd(),
    };
  },
  resetStats() {
    const { stats } = excel;
    stats.runs = 0;
    stats.syncs = 0;
    stats.autoSyncs = 0;
    stats.requests.length = 0;
    Object.assign(workbook.eventStats, { raised: 0, suppressed: 0, byAddin: 0, byUser: 0 });
  },
  failNextSync(code) {
    excel.failures.push({ code });
  },
  now: () => performance.now(),

  sheets: () =>
    workbook.sheets.map((sheet) => ({
      name: sheet.name,
      id: sheet.id,
      visibility: sheet.visibility,
      frozenRows: sheet.frozenRows,
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
      columnWidths: Object.fromEntries(sheet.columnWidths),
      merges: sheet.merges.map((merge) => a1(merge)),
      rowHeights: Object.fromEntries(sheet.rowHeights),
      pageLayout: JSON.parse(JSON.stringify(sheet.pageLayout)) as Record<string, unknown>,
      conditionalFormats: sheet.conditionalFormats.map((rule) => ({
        address: a1(rule.rect),
        operator: rule.operator,
        formula1: rule.formula1,
        ...(rule.fill ? { fill: rule.fill } : {}),
        ...(rule.fontColor ? { fontColor: rule.fontColor } : {}),
      })),
      charts: sheet.charts.map((chart) => ({
        name: chart.name,
        type: chart.type,
        title: chart.title,
        source: a1(chart.source),
        ...(chart.position ? { from: a1(chart.position.from), to: a1(chart.position.to) } : {}),
      })),
    })),
  activeSheet: () => workbook.activeSheet.name,
  table(name) {
    const table = workbook.table(name);
    return table
      ? {
          name: table.name,
          sheet: table.sheet.name,
          top: table.top,
          left: table.left,
          width: table.width,
          rowCount: table.rowCount,
          headers: table.headers(),
        }
      : null;
  },
  tableValues: (name) => tableNamed(name).bodyValues(),
  tableColumn(name, header) {
    const table = tableNamed(name);
    const index = table.headers().indexOf(header);
    if (index < 0) throw new Error(`table ${name} has no column ${header}`);
    return Array.from({ length: table.rowCount }, (_, r) => cellInfo(table.sheet, table.top + 1 + r, table.left + index));
  },
  tableFills(name) {
    const table = tableNamed(name);
    return Array.from({ length: table.rowCount }, (_, r) => table.sheet.get(table.top + 1 + r, table.left)?.fill ?? null);
  },
  cell: (sheet, row, column) => cellInfo(sheetNamed(sheet), row, column),
  notes: (sheet) => sheetNamed(sheet).notes.map((note) => ({ row: note.row, column: note.column, content: note.content })),
  comments: () =>
    workbook.comments.map((comment) => ({ sheet: comment.sheet.name, row: comment.row, column: comment.column, content: comment.content })),
  formulaCells() {
    const found: { sheet: string; address: string; formula: string }[] = [];
    for (const sheet of workbook.sheets) {
      for (const [key, cell] of sheet.cells) {
        if (cell.formula === undefined) continue;
        const row = Math.floor(key / 16384);
        found.push({ sheet: sheet.name, address: a1({ row, column: key % 16384, rows: 1, columns: 1 }), formula: cell.formula });
      }
    }
    return found;
  },
  settings: () => JSON.parse(JSON.stringify(Object.fromEntries(workbook.settings))) as Record<string, unknown>,
  validations: (sheet) =>
    sheetNamed(sheet).validations.map((validation) => ({
      address: a1(validation.rect),
      source:
        validation.custom ??
        (typeof validation.list?.source === 'string'
          ? validation.list.source
          : validation.list
            ? `${validation.list.source.sheet.name}!${a1(validation.list.source.rect)}`
            : ''),
    })),
  selection: () => ({ sheet: workbook.selection.sheet.name, areas: workbook.selection.areas.map((area) => ({ ...area })) }),

  select(sheetName, areas) {
    workbook.select(sheetNamed(sheetName), areas);
  },
  paste: (row, column, values, sheet) => userEntry(sheetNamed(sheet), row, column, values),
  type(row, column, text, sheet) {
    if (excel.isEditing) throw officeError('InvalidOperationInCellEditMode');
    userEntry(sheetNamed(sheet), row, column, [[text]]);
  },
  hideColumns(sheetName, columns, hidden = true) {
    const sheet = sheetNamed(sheetName);
    for (const column of columns) {
      if (hidden) sheet.hiddenColumns.add(column);
      else sheet.hiddenColumns.delete(column);
    }
    workbook.touched();
  },
  reveal(row, column) {
    grid.scrollIntoView(row, column);
  },
};

function lastRequestEnd(): number {
  return Math.max(0, ...excel.stats.requests.map((request) => request.end));
}

window.thiduaHost = host;

// ---- The page

const style = document.createElement('style');
style.textContent = `
html, body { margin: 0; height: 100%; overflow: hidden; }
body { display: flex; font-family: 'Segoe UI', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; background: #e9e9e9; }
.pane { width: 350px; flex: none; display: flex; flex-direction: column; background: #fff; border-left: 1px solid #c8c8c8; box-shadow: -2px 0 6px rgba(0,0,0,.06); }
.pane header { height: 40px; display: flex; align-items: center; padding: 0 8px 0 14px; font-size: 15px; font-weight: 600; color: #242424; border-bottom: 1px solid #e1e1e1; gap: 8px; }
.pane header img { width: 20px; height: 20px; }
.pane header span.x { margin-left: auto; color: #616161; font-weight: 400; font-size: 16px; padding: 0 6px; }
.pane iframe { flex: 1; border: 0; width: 100%; }
`;
document.head.append(style);
document.body.append(grid.root);
const panePath = params.get('pane') ?? defaults.pane ?? '/pane/taskpane.html';
if (panePath !== 'none') {
  const aside = document.createElement('aside');
  aside.className = 'pane';
  aside.setAttribute('aria-label', 'Ngăn tác vụ');
  aside.innerHTML = `<header><img src="${panePath.replace(/[^/]*$/, '')}icons/icon-32.png" alt="" onerror="this.remove()"><span>Thi đua – Khen thưởng</span><span class="x" aria-hidden="true">✕</span></header>`;
  const frame = document.createElement('iframe');
  frame.id = 'pane';
  frame.name = 'pane';
  frame.title = 'Thi đua – Khen thưởng';
  frame.src = panePath;
  aside.append(frame);
  document.body.append(aside);
}
grid.render();
