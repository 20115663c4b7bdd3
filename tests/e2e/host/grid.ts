/**
 * The stand-in host's sheet view: the active worksheet as an HTML <table>, the way Excel shows it —
 * column letters, row numbers, the table's header and banded rows, fills, hidden columns left out,
 * notes as a red corner (their text on hover), the frozen header row. Only the rows in view are in the
 * DOM (5,000-row sheets stay cheap to show), so the add-in's timings are not the grid's.
 *
 * A person can work in it: click (Shift: extend, Ctrl: add an area) or click a row number to select;
 * double-click, F2 or just type to edit, Enter / Tab to commit, Esc to cancel, Alt+Enter for a new line;
 * Delete clears; a list cell shows its dropdown; Ctrl+V pastes tab-separated text. Everything goes
 * through the workbook as a user's change (events, table growth).
 */
import { a1, MAX_COLUMNS, MAX_ROWS, type Rect, type Sheet, type Workbook } from './model';
import { columnLetter, display, editText, type Scalar } from './values';
import { CHART_CSS, chartsHtml, type ChartGeometry } from './chart-view';

export interface GridCallbacks {
  /** A person entered these values at (row, column) of the active sheet (typing: one cell; pasting: a block). */
  onUserEntry(sheet: Sheet, row: number, column: number, values: (string | Scalar)[][]): void;
  onUserClear(sheet: Sheet, rect: Rect): void;
  onEditing(on: boolean): void;
}

const HEADER_HEIGHT = 20;
const ROW_HEIGHT = 20;
const LINE_HEIGHT = 16;
const ROW_HEADER_WIDTH = 46;
const DEFAULT_COLUMN_WIDTH_PX = 64;
const CHAR_PX = 6.6;
const OVERSCAN = 8;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GRID_CSS = `
.xl-app { display: flex; flex-direction: column; min-width: 0; flex: 1; background: #fff; font-family: 'Segoe UI', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; }
.xl-title { height: 32px; background: #217346; color: #fff; display: flex; align-items: center; padding: 0 12px; font-size: 13px; gap: 12px; }
.xl-title b { font-weight: 600; }
.xl-title .xl-badge { margin-left: auto; font-size: 11px; background: rgba(255,255,255,.18); border-radius: 3px; padding: 2px 6px; }
.xl-ribbon { height: 30px; border-bottom: 1px solid #d4d4d4; display: flex; align-items: flex-end; gap: 18px; padding: 0 12px; font-size: 13px; color: #333; background: #f8f8f8; }
.xl-ribbon span { padding: 6px 2px; }
.xl-ribbon span.on { border-bottom: 3px solid #217346; color: #217346; font-weight: 600; }
.xl-fbar { height: 28px; display: flex; align-items: center; border-bottom: 1px solid #d4d4d4; font-size: 13px; }
.xl-namebox { width: 90px; height: 22px; line-height: 22px; border-right: 1px solid #d4d4d4; padding: 0 6px; margin-left: 4px; }
.xl-fx { width: 34px; text-align: center; color: #777; font-style: italic; }
.xl-formula { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding: 0 6px; }
.xl-viewport { flex: 1; overflow: auto; position: relative; background: #fff; }
.xl-grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; font-size: 13px; color: #000; }
.xl-grid td, .xl-grid th { border-right: 1px solid #e1e1e1; border-bottom: 1px solid #e1e1e1; padding: 0 4px; overflow: hidden; white-space: nowrap; text-overflow: clip; box-sizing: border-box; position: relative; line-height: ${LINE_HEIGHT}px; }
.xl-grid thead th.xl-col { position: sticky; top: 0; z-index: 3; background: #f3f3f3; color: #444; font-weight: 400; text-align: center; height: ${HEADER_HEIGHT}px; border-color: #d4d4d4; }
.xl-grid thead tr.xl-frozen td, .xl-grid thead tr.xl-frozen th { position: sticky; z-index: 2; }
.xl-grid th.xl-rh { position: sticky; left: 0; z-index: 2; background: #f3f3f3; color: #444; font-weight: 400; text-align: center; width: ${ROW_HEADER_WIDTH}px; border-color: #d4d4d4; }
.xl-grid thead th.xl-corner { position: sticky; left: 0; top: 0; z-index: 4; background: #e6e6e6; }
.xl-grid thead tr.xl-frozen th.xl-rh { z-index: 3; }
.xl-grid tr.xl-frozen-last td, .xl-grid tr.xl-frozen-last th { border-bottom: 2px solid #bdbdbd; }
.xl-grid td { background: #fff; vertical-align: bottom; }
.xl-grid td.xl-wrap { white-space: pre-wrap; word-break: break-word; vertical-align: top; }
.xl-grid td.xl-num { text-align: right; }
.xl-grid td.xl-bool { text-align: center; }
.xl-grid td.xl-th { background: #4472c4; color: #fff; font-weight: 700; }
.xl-grid td.xl-band { background: #d9e1f2; }
.xl-grid td.xl-formula-cell { color: #c00000; }
.xl-grid td.xl-sel { box-shadow: inset 0 0 0 9999px rgba(33,115,70,.12); }
.xl-grid td.xl-active { outline: 2px solid #217346; outline-offset: -2px; z-index: 1; }
.xl-grid td.xl-note::after { content: ''; position: absolute; top: 0; right: 0; border-style: solid; border-width: 0 7px 7px 0; border-color: transparent #d32f2f transparent transparent; }
.xl-grid th.xl-col.xl-hl, .xl-grid th.xl-rh.xl-hl { background: #d2d2d2; color: #217346; font-weight: 600; }
.xl-dd { position: absolute; right: -1px; bottom: 0; width: 16px; height: 18px; background: #fff; border: 1px solid #bbb; font-size: 10px; line-height: 16px; text-align: center; cursor: pointer; color: #333; z-index: 2; }
.xl-list { position: fixed; z-index: 20; background: #fff; border: 1px solid #999; box-shadow: 0 4px 12px rgba(0,0,0,.2); font-size: 13px; max-height: 240px; overflow: auto; min-width: 160px; }
.xl-list div { padding: 3px 8px; cursor: pointer; white-space: nowrap; }
.xl-list div:hover { background: #e5f1fb; }
.xl-editor { position: fixed; z-index: 10; border: 2px solid #217346; font: 13px 'Segoe UI', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; padding: 1px 3px; resize: none; outline: none; box-sizing: border-box; background: #fff; overflow: hidden; }
.xl-notecard { position: fixed; z-index: 15; background: #ffffe1; border: 1px solid #767676; box-shadow: 2px 2px 4px rgba(0,0,0,.25); font-size: 12px; padding: 6px 8px; max-width: 320px; white-space: pre-wrap; color: #000; pointer-events: none; }
.xl-tabs { height: 28px; border-top: 1px solid #d4d4d4; display: flex; align-items: stretch; background: #f3f3f3; font-size: 13px; padding-left: 40px; }
.xl-tabs button { border: 0; border-right: 1px solid #d4d4d4; background: transparent; padding: 0 16px; font: inherit; cursor: pointer; color: #333; }
.xl-tabs button.on { background: #fff; color: #217346; font-weight: 600; border-bottom: 3px solid #217346; }
.xl-status { height: 22px; background: #f3f3f3; border-top: 1px solid #e1e1e1; font-size: 12px; color: #444; display: flex; align-items: center; padding: 0 12px; gap: 16px; }
.xl-status .xl-right { margin-left: auto; }
`;

interface Layout {
  version: number;
  sheet: Sheet;
  columns: number[];
  widths: number[];
  rowCount: number;
  heights: Map<number, number>;
  /** offsets[i]: top of row frozenRows + i, below the frozen rows. */
  offsets: Float64Array;
}

export class Grid {
  readonly root: HTMLElement;
  private readonly viewport: HTMLElement;
  private readonly nameBox: HTMLElement;
  private readonly formula: HTMLElement;
  private readonly tabs: HTMLElement;
  private readonly status: HTMLElement;
  private layout: Layout | undefined;
  private frame = 0;
  private editor: HTMLTextAreaElement | undefined;
  private editing: { sheet: Sheet; row: number; column: number } | undefined;
  private anchor: { row: number; column: number } | undefined;
  private dragging = false;
  private list: HTMLElement | undefined;
  private noteCard: HTMLElement | undefined;

  constructor(
    private readonly workbook: Workbook,
    private readonly callbacks: GridCallbacks,
    title: string,
  ) {
    const style = document.createElement('style');
    style.textContent = GRID_CSS + CHART_CSS;
    document.head.append(style);
    this.root = document.createElement('section');
    this.root.className = 'xl-app';
    this.root.setAttribute('aria-label', 'Excel');
    this.root.innerHTML = `
      <div class="xl-title"><b>${escapeHtml(title)}</b><span>Excel</span><span class="xl-badge" title="tests/e2e/host: an in-memory workbook that implements the part of the Excel JavaScript API the add-in uses">Excel giả lập · kiểm thử</span></div>
      <div class="xl-ribbon"><span>Tệp</span><span class="on">Trang đầu</span><span>Chèn</span><span>Bố trí Trang</span><span>Công thức</span><span>Dữ liệu</span><span>Xem lại</span><span>Xem</span></div>
      <div class="xl-fbar"><div class="xl-namebox" data-testid="namebox"></div><div class="xl-fx">fx</div><div class="xl-formula" data-testid="formula"></div></div>
      <div class="xl-viewport" data-testid="grid" tabindex="0"></div>
      <div class="xl-tabs" role="tablist"></div>
      <div class="xl-status"><span data-testid="mode">Sẵn sàng</span><span class="xl-right" data-testid="status-right"></span></div>`;
    this.viewport = this.root.querySelector('.xl-viewport')!;
    this.nameBox = this.root.querySelector('.xl-namebox')!;
    this.formula = this.root.querySelector('.xl-formula')!;
    this.tabs = this.root.querySelector('.xl-tabs')!;
    this.status = this.root.querySelector('.xl-status')!;
    workbook.listeners.add(() => this.schedule());
    this.viewport.addEventListener('scroll', () => {
      this.closeList();
      if (this.editing) this.commitEdit();
      this.schedule();
    });
    this.viewport.addEventListener('mousedown', (event) => this.onMouseDown(event));
    this.viewport.addEventListener('mouseover', (event) => this.onMouseOver(event));
    this.viewport.addEventListener('mouseout', () => this.hideNote());
    document.addEventListener('mouseup', () => (this.dragging = false));
    this.viewport.addEventListener('dblclick', (event) => {
      const cell = this.cellAt(event.target);
      if (cell) this.beginEdit(cell.row, cell.column, undefined);
    });
    this.viewport.addEventListener('keydown', (event) => this.onKey(event));
    document.addEventListener('paste', (event) => this.onPaste(event));
    this.tabs.addEventListener('click', (event) => {
      const name = (event.target as HTMLElement).closest('button')?.dataset.sheet;
      const sheet = name ? workbook.sheet(name) : undefined;
      if (!sheet) return;
      workbook.activeSheet = sheet;
      workbook.selection = { sheet, areas: [{ row: 0, column: 0, rows: 1, columns: 1 }], active: { row: 0, column: 0 } };
      workbook.touched();
    });
    window.addEventListener('resize', () => this.schedule());
    this.schedule();
  }

  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Renders now (tests and screenshots call it rather than wait for a frame). */
  render(): void {
    const layout = this.computeLayout();
    this.renderTable(layout);
    this.renderChrome(layout);
  }

  // ---- Layout

  private computeLayout(): Layout {
    const workbook = this.workbook;
    const sheet = workbook.activeSheet;
    if (this.layout && this.layout.version === workbook.version && this.layout.sheet === sheet) return this.layout;
    const used = sheet.usedRect(false);
    const tables = workbook.tablesOn(sheet);
    let right = used ? used.column + used.columns : 0;
    let bottom = used ? used.row + used.rows : 0;
    for (const table of tables) {
      right = Math.max(right, table.left + table.width);
      bottom = Math.max(bottom, table.top + table.rowCount + 1);
    }
    const lastColumn = Math.max(right + 3, 14);
    const columns: number[] = [];
    for (let c = 0; c < lastColumn; c += 1) if (!sheet.hiddenColumns.has(c)) columns.push(c);
    const widths = columns.map((c) => {
      const points = sheet.columnWidths.get(c);
      return points === undefined ? DEFAULT_COLUMN_WIDTH_PX : Math.max(8, Math.round((points * 4) / 3));
    });
    const widthOf = new Map(columns.map((c, i) => [c, widths[i]!]));
    const heights = new Map<number, number>();
    for (const [key, cell] of sheet.cells) {
      if (!cell.wrap || typeof cell.value !== 'string' || cell.value === '') continue;
      const column = key % MAX_COLUMNS;
      const width = widthOf.get(column);
      if (width === undefined) continue;
      const perLine = Math.max(1, Math.floor((width - 8) / CHAR_PX));
      const lines = cell.value.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
      const height = Math.min(LINE_HEIGHT * Math.min(lines, 9) + 4, 409);
      const row = Math.floor(key / MAX_COLUMNS);
      if (height > (heights.get(row) ?? ROW_HEIGHT)) heights.set(row, height);
    }
    for (const [row, points] of sheet.rowHeights) heights.set(row, Math.max(4, Math.round((points * 4) / 3)));
    const rowCount = Math.min(MAX_ROWS, Math.max(bottom + 30, 60));
    const frozen = Math.min(sheet.frozenRows, rowCount);
    const offsets = new Float64Array(rowCount - frozen + 1);
    for (let i = 0; i < rowCount - frozen; i += 1) offsets[i + 1] = offsets[i]! + (heights.get(frozen + i) ?? ROW_HEIGHT);
    this.layout = { version: workbook.version, sheet, columns, widths, rowCount, heights, offsets };
    return this.layout;
  }

  private heightOf(layout: Layout, row: number): number {
    return layout.heights.get(row) ?? ROW_HEIGHT;
  }

  /** The first scrolling row whose bottom is below `y` (binary search over the offsets). */
  private rowAtOffset(layout: Layout, y: number): number {
    let low = 0;
    let high = layout.offsets.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (layout.offsets[mid]! <= y) low = mid;
      else high = mid - 1;
    }
    return Math.max(0, low);
  }

  // ---- Rendering

  private renderTable(layout: Layout): void {
    const { sheet, columns, widths } = layout;
    const workbook = this.workbook;
    const frozen = Math.min(sheet.frozenRows, layout.rowCount);
    const frozenHeight = Array.from({ length: frozen }, (_, r) => this.heightOf(layout, r)).reduce((a, b) => a + b, 0);
    const viewHeight = this.viewport.clientHeight || 600;
    const scrollTop = this.viewport.scrollTop;
    const first = Math.max(0, this.rowAtOffset(layout, scrollTop) - OVERSCAN);
    const last = Math.min(
      layout.offsets.length - 2,
      this.rowAtOffset(layout, scrollTop + viewHeight - frozenHeight - HEADER_HEIGHT) + OVERSCAN,
    );
    const tables = workbook.tablesOn(sheet);
    const selection = workbook.selection.sheet === sheet ? workbook.selection : undefined;
    const notes = new Map(sheet.notes.map((note) => [`${note.row}:${note.column}`, note.content]));
    const validationCell = selection ? this.listValidation(sheet, selection.active.row, selection.active.column) : undefined;
    const selectedRows = new Set<number>();
    const selectedColumns = new Set<number>();
    if (selection) {
      for (const area of selection.areas) {
        for (let r = area.row; r < Math.min(area.row + area.rows, layout.rowCount); r += 1) selectedRows.add(r);
        for (let c = area.column; c < Math.min(area.column + area.columns, MAX_COLUMNS); c += 1) if (c < 200) selectedColumns.add(c);
      }
    }

    // Merged areas: the anchor spans the visible rows and columns of its area; the others are not drawn
    // while the anchor is (rows scrolled out of view draw their part of the area blank).
    const rendered = new Set<number>();
    for (let r = 0; r < frozen; r += 1) rendered.add(r);
    for (let i = first; i <= last; i += 1) rendered.add(frozen + i);
    const visibleColumns = new Set(columns);
    const anchors = new Map<string, { rows: number; columns: number }>();
    const covered = new Set<string>();
    for (const merge of sheet.merges) {
      const spanRows = Array.from({ length: merge.rows }, (_, i) => merge.row + i).filter((r) => rendered.has(r));
      const spanColumns = Array.from({ length: merge.columns }, (_, i) => merge.column + i).filter((c) => visibleColumns.has(c));
      if (!rendered.has(merge.row) || spanColumns.length === 0) continue;
      // A span crossing from the frozen rows into the scrolling ones stops at the frozen edge.
      const sameBlock = spanRows.filter((r) => r < frozen === merge.row < frozen && r - merge.row === spanRows.indexOf(r));
      anchors.set(`${merge.row}:${spanColumns[0]!}`, { rows: sameBlock.length, columns: spanColumns.length });
      for (const r of sameBlock) for (const c of spanColumns) if (r !== merge.row || c !== spanColumns[0]) covered.add(`${r}:${c}`);
    }
    const conditionalFill = (row: number, column: number, value: unknown): { fill?: string; color?: string } => {
      for (const rule of sheet.conditionalFormats) {
        const { rect } = rule;
        if (row < rect.row || row >= rect.row + rect.rows || column < rect.column || column >= rect.column + rect.columns) continue;
        const limit = Number(rule.formula1);
        if (typeof value !== 'number' || !Number.isFinite(limit)) continue;
        const hit = rule.operator === 'GreaterThan' ? value > limit : rule.operator === 'LessThan' ? value < limit : value === limit;
        if (hit) return { ...(rule.fill ? { fill: rule.fill } : {}), ...(rule.fontColor ? { color: rule.fontColor } : {}) };
      }
      return {};
    };
    const ALIGN: Record<string, string> = {
      Left: 'left',
      Center: 'center',
      Right: 'right',
      Justify: 'justify',
      CenterAcrossSelection: 'center',
      Distributed: 'justify',
    };
    const VALIGN: Record<string, string> = { Top: 'top', Center: 'middle', Bottom: 'bottom', Justify: 'middle', Distributed: 'middle' };
    const BORDER = (style: string | undefined) =>
      !style || style === 'None'
        ? ''
        : style === 'Double'
          ? '3px double #000'
          : style === 'Continuous'
            ? '1px solid #000'
            : '1px dashed #000';

    const cellHtml = (row: number, column: number, stickyTop: number | undefined): string => {
      if (covered.has(`${row}:${column}`)) return '';
      const cell = sheet.get(row, column);
      const format = sheet.formatAt(row, column);
      const classes: string[] = [];
      let style = stickyTop === undefined ? '' : `top:${stickyTop}px;`;
      const span = anchors.get(`${row}:${column}`);
      const spanAttributes = span
        ? `${span.rows > 1 ? ` rowspan="${span.rows}"` : ''}${span.columns > 1 ? ` colspan="${span.columns}"` : ''}`
        : '';
      const table = tables.find(
        (candidate) =>
          row >= candidate.top &&
          row <= candidate.top + candidate.rowCount &&
          column >= candidate.left &&
          column < candidate.left + candidate.width,
      );
      if (table) {
        if (row === table.top) classes.push('xl-th');
        else if ((row - table.top) % 2 === 1) classes.push('xl-band');
      }
      let text = '';
      if (cell) {
        const value = cell.formula === undefined ? cell.value : sheet.value(row, column);
        text = display(value, format, cell.formula);
        if (cell.formula !== undefined && value === '#NAME?') classes.push('xl-formula-cell');
        else if (typeof value === 'number' && format !== '@') classes.push('xl-num');
        else if (typeof value === 'boolean') classes.push('xl-bool');
        if (cell.wrap) classes.push('xl-wrap');
        if (cell.fill) style += `background:${cell.fill};`;
        const font = cell.font;
        if (font?.bold) style += 'font-weight:700;';
        if (font?.italic) style += 'font-style:italic;';
        if (font?.size) style += `font-size:${Math.round((font.size * 4) / 3)}px;line-height:${Math.round((font.size * 4 * 1.3) / 3)}px;`;
        if (font?.color) style += `color:${font.color};`;
        if (font?.name) style += `font-family:'${font.name.replace(/'/g, '')}','Liberation Serif','DejaVu Serif',serif;`;
        if (cell.horizontalAlignment && ALIGN[cell.horizontalAlignment]) style += `text-align:${ALIGN[cell.horizontalAlignment]};`;
        if (cell.verticalAlignment && VALIGN[cell.verticalAlignment]) style += `vertical-align:${VALIGN[cell.verticalAlignment]};`;
        for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
          const border = BORDER(cell.borders?.[edge]);
          if (border) style += `border-${edge}:${border};`;
        }
        const conditional = conditionalFill(row, column, value);
        if (conditional.fill) style += `background:${conditional.fill};`;
        if (conditional.color) style += `color:${conditional.color};`;
      }
      if (
        selection &&
        selection.areas.some(
          (area) => row >= area.row && row < area.row + area.rows && column >= area.column && column < area.column + area.columns,
        )
      ) {
        if (selection.areas.length > 1 || selection.areas[0]!.rows > 1 || selection.areas[0]!.columns > 1) classes.push('xl-sel');
      }
      const active = selection && selection.active.row === row && selection.active.column === column;
      if (active) classes.push('xl-active');
      const note = notes.get(`${row}:${column}`);
      if (note !== undefined) classes.push('xl-note');
      const title =
        note !== undefined ? ` data-note="${escapeHtml(note)}"` : cell && text.length > 40 ? ` title="${escapeHtml(text)}"` : '';
      const dropdown = active && validationCell ? '<span class="xl-dd" data-dd="1" aria-label="Mở danh sách">▾</span>' : '';
      return `<td data-r="${row}" data-c="${column}"${spanAttributes}${classes.length ? ` class="${classes.join(' ')}"` : ''}${style ? ` style="${style}"` : ''}${title}>${escapeHtml(text)}${dropdown}</td>`;
    };
    const rowHtml = (row: number, extraClass = '', top?: number): string => {
      const height = this.heightOf(layout, row);
      const sticky = top === undefined ? '' : ` style="top:${top}px"`;
      const cells = columns.map((column) => cellHtml(row, column, top)).join('');
      return `<tr class="${extraClass}" style="height:${height}px"><th class="xl-rh${selectedRows.has(row) ? ' xl-hl' : ''}" data-row="${row}"${sticky}>${row + 1}</th>${cells}</tr>`;
    };

    const colgroup = `<colgroup><col style="width:${ROW_HEADER_WIDTH}px">${widths.map((width) => `<col style="width:${width}px">`).join('')}</colgroup>`;
    const letters = `<tr><th class="xl-col xl-corner"></th>${columns.map((c) => `<th class="xl-col${selectedColumns.has(c) ? ' xl-hl' : ''}" data-col="${c}">${columnLetter(c)}</th>`).join('')}</tr>`;
    let frozenRows = '';
    let top = HEADER_HEIGHT;
    for (let r = 0; r < frozen; r += 1) {
      frozenRows += rowHtml(r, `xl-frozen${r === frozen - 1 ? ' xl-frozen-last' : ''}`, top);
      top += this.heightOf(layout, r);
    }
    const totalWidth = ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0);
    const spacerTop = layout.offsets[first]!;
    const spacerBottom = layout.offsets[layout.offsets.length - 1]! - layout.offsets[last + 1]!;
    let body =
      spacerTop > 0 ? `<tr style="height:${spacerTop}px"><td colspan="${columns.length + 1}" style="border:0;padding:0"></td></tr>` : '';
    for (let i = first; i <= last; i += 1) body += rowHtml(frozen + i);
    if (spacerBottom > 0)
      body += `<tr style="height:${spacerBottom}px"><td colspan="${columns.length + 1}" style="border:0;padding:0"></td></tr>`;
    this.viewport.innerHTML = `<table class="xl-grid" style="width:${totalWidth}px" data-sheet="${escapeHtml(sheet.name)}">${colgroup}<thead>${letters}${frozenRows}</thead><tbody>${body}</tbody></table>`;
    if (sheet.charts.length > 0)
      this.viewport.insertAdjacentHTML('beforeend', chartsHtml(sheet, this.chartGeometry(layout, frozen, frozenHeight)));
  }

  /** Where a cell's corner is drawn: right of the row numbers and the visible columns before it, below the header and rows above it. */
  private chartGeometry(layout: Layout, frozen: number, frozenHeight: number): ChartGeometry {
    const columnLeft = (column: number) =>
      ROW_HEADER_WIDTH + layout.columns.reduce((sum, c, i) => (c < column ? sum + layout.widths[i]! : sum), 0);
    const rowTop = (row: number) => {
      if (row < frozen) return HEADER_HEIGHT + Array.from({ length: row }, (_, r) => this.heightOf(layout, r)).reduce((a, b) => a + b, 0);
      const index = Math.min(row - frozen, layout.offsets.length - 1);
      return HEADER_HEIGHT + frozenHeight + layout.offsets[index]!;
    };
    return { left: columnLeft, top: rowTop };
  }

  private renderChrome(layout: Layout): void {
    const workbook = this.workbook;
    const selection = workbook.selection;
    const sheet = layout.sheet;
    if (selection.sheet === sheet) {
      const { row, column } = selection.active;
      const area = selection.areas.length === 1 ? selection.areas[0]! : undefined;
      this.nameBox.textContent =
        area && (area.rows > 1 || area.columns > 1) && area.columns < MAX_COLUMNS
          ? a1(area).split(':')[0]!
          : `${columnLetter(column)}${row + 1}`;
      const cell = sheet.get(row, column);
      this.formula.textContent = cell ? editText(cell.value, sheet.formatAt(row, column), cell.formula, cell.textPrefix) : '';
    }
    const visible = workbook.sheets.filter((candidate) => candidate.visibility === 'Visible');
    this.tabs.innerHTML = visible
      .map(
        (candidate) =>
          `<button role="tab" data-sheet="${escapeHtml(candidate.name)}" class="${candidate === sheet ? 'on' : ''}" aria-selected="${candidate === sheet}">${escapeHtml(candidate.name)}</button>`,
      )
      .join('');
    const mode = this.status.querySelector('[data-testid="mode"]')!;
    mode.textContent = this.editing ? 'Nhập' : 'Sẵn sàng';
    const right = this.status.querySelector('[data-testid="status-right"]')!;
    const table = workbook.tablesOn(sheet)[0];
    const cells =
      selection.sheet === sheet
        ? selection.areas.reduce((sum, area) => sum + (area.columns >= MAX_COLUMNS ? area.rows : area.rows * area.columns), 0)
        : 0;
    right.textContent = [
      cells > 1 ? `Số ô chọn: ${cells.toLocaleString('vi-VN')}` : '',
      table ? `Bảng ${table.name}: ${table.rowCount.toLocaleString('vi-VN')} dòng` : '',
    ]
      .filter(Boolean)
      .join('   ·   ');
  }

  // ---- Selection and editing

  private cellAt(target: EventTarget | null): { row: number; column: number } | undefined {
    const td = (target as HTMLElement | null)?.closest?.('td[data-r]') as HTMLElement | null;
    if (!td) return undefined;
    return { row: Number(td.dataset.r), column: Number(td.dataset.c) };
  }

  private onMouseDown(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    if (target.dataset.dd) {
      event.preventDefault();
      this.openList();
      return;
    }
    this.closeList();
    if (this.editing) this.commitEdit();
    const workbook = this.workbook;
    const sheet = workbook.activeSheet;
    const rowHeader = target.closest('th[data-row]') as HTMLElement | null;
    if (rowHeader) {
      const row = Number(rowHeader.dataset.row);
      const area = { row, column: 0, rows: 1, columns: MAX_COLUMNS };
      if (event.shiftKey && this.anchor) {
        const top = Math.min(this.anchor.row, row);
        workbook.selection = {
          sheet,
          areas: [{ row: top, column: 0, rows: Math.abs(row - this.anchor.row) + 1, columns: MAX_COLUMNS }],
          active: { ...this.anchor, column: 0 },
        };
      } else if (event.ctrlKey || event.metaKey) {
        workbook.selection = {
          sheet,
          areas: [...(workbook.selection.sheet === sheet ? workbook.selection.areas : []), area],
          active: { row, column: 0 },
        };
        this.anchor = { row, column: 0 };
      } else {
        workbook.selection = { sheet, areas: [area], active: { row, column: 0 } };
        this.anchor = { row, column: 0 };
      }
      workbook.touched();
      this.viewport.focus();
      return;
    }
    const cell = this.cellAt(target);
    if (!cell) return;
    event.preventDefault();
    this.viewport.focus();
    if (event.shiftKey && this.anchor && workbook.selection.sheet === sheet) {
      this.selectRange(this.anchor, cell, false);
    } else if ((event.ctrlKey || event.metaKey) && workbook.selection.sheet === sheet) {
      workbook.selection = {
        sheet,
        areas: [...workbook.selection.areas, { row: cell.row, column: cell.column, rows: 1, columns: 1 }],
        active: cell,
      };
      this.anchor = cell;
      workbook.touched();
    } else {
      this.selectCell(cell.row, cell.column);
      this.dragging = true;
    }
  }

  private onMouseOver(event: MouseEvent): void {
    const td = (event.target as HTMLElement).closest('td[data-r]') as HTMLElement | null;
    if (td?.dataset.note !== undefined) this.showNote(td);
    else this.hideNote();
    if (!this.dragging || !this.anchor) return;
    const cell = this.cellAt(event.target);
    if (cell) this.selectRange(this.anchor, cell, true);
  }

  /** Shows a cell's note as Excel does on hover (the screenshot script hovers a cell to show one). */
  showNote(td: HTMLElement): void {
    this.hideNote();
    const card = document.createElement('div');
    card.className = 'xl-notecard';
    card.setAttribute('role', 'note');
    card.textContent = td.dataset.note ?? '';
    const box = td.getBoundingClientRect();
    card.style.left = `${Math.round(box.right + 6)}px`;
    card.style.top = `${Math.round(box.top)}px`;
    document.body.append(card);
    this.noteCard = card;
  }

  private hideNote(): void {
    this.noteCard?.remove();
    this.noteCard = undefined;
  }

  selectCell(row: number, column: number): void {
    const sheet = this.workbook.activeSheet;
    this.workbook.selection = { sheet, areas: [{ row, column, rows: 1, columns: 1 }], active: { row, column } };
    this.anchor = { row, column };
    this.workbook.touched();
  }

  private selectRange(from: { row: number; column: number }, to: { row: number; column: number }, keepActive: boolean): void {
    const sheet = this.workbook.activeSheet;
    const area = {
      row: Math.min(from.row, to.row),
      column: Math.min(from.column, to.column),
      rows: Math.abs(to.row - from.row) + 1,
      columns: Math.abs(to.column - from.column) + 1,
    };
    this.workbook.selection = { sheet, areas: [area], active: keepActive ? { ...from } : { ...from } };
    this.workbook.touched();
  }

  private tdOf(row: number, column: number): HTMLElement | null {
    return this.viewport.querySelector(`td[data-r="${row}"][data-c="${column}"]`);
  }

  /** Opens the in-cell editor; `initial` replaces the content (typing), undefined edits it (F2, double-click). */
  beginEdit(row: number, column: number, initial: string | undefined): void {
    const sheet = this.workbook.activeSheet;
    if (sheet.hiddenColumns.has(column)) return;
    this.selectCell(row, column);
    this.render();
    this.scrollIntoView(row, column);
    const td = this.tdOf(row, column);
    if (!td) return;
    const box = td.getBoundingClientRect();
    const editor = document.createElement('textarea');
    editor.className = 'xl-editor';
    editor.setAttribute('aria-label', `Sửa ô ${columnLetter(column)}${row + 1}`);
    editor.dataset.testid = 'cell-editor';
    editor.style.left = `${box.left}px`;
    editor.style.top = `${box.top}px`;
    editor.style.width = `${Math.max(box.width, 120)}px`;
    editor.style.height = `${Math.max(box.height, 22)}px`;
    const cell = sheet.get(row, column);
    editor.value = initial ?? (cell ? editText(cell.value, sheet.formatAt(row, column), cell.formula, cell.textPrefix) : '');
    editor.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.altKey) {
        event.preventDefault();
        const at = editor.selectionStart;
        editor.value = `${editor.value.slice(0, at)}\n${editor.value.slice(editor.selectionEnd)}`;
        editor.selectionStart = editor.selectionEnd = at + 1;
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        this.commitEdit();
        if (event.key === 'Enter') this.move(event.shiftKey ? -1 : 1, 0);
        else this.move(0, event.shiftKey ? -1 : 1);
        this.viewport.focus();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.cancelEdit();
        this.viewport.focus();
      }
      event.stopPropagation();
    });
    editor.addEventListener('blur', () => {
      if (this.editor === editor) this.commitEdit();
    });
    document.body.append(editor);
    this.editor = editor;
    this.editing = { sheet, row, column };
    this.callbacks.onEditing(true);
    editor.focus();
    editor.selectionStart = editor.selectionEnd = editor.value.length;
    this.renderChrome(this.computeLayout());
  }

  commitEdit(): void {
    const editor = this.editor;
    const editing = this.editing;
    if (!editor || !editing) return;
    this.editor = undefined;
    this.editing = undefined;
    const text = editor.value;
    editor.remove();
    this.callbacks.onUserEntry(editing.sheet, editing.row, editing.column, [[text]]);
    this.callbacks.onEditing(false);
  }

  cancelEdit(): void {
    this.editor?.remove();
    this.editor = undefined;
    this.editing = undefined;
    this.callbacks.onEditing(false);
    this.schedule();
  }

  private move(rows: number, columns: number): void {
    const { selection, activeSheet } = this.workbook;
    if (selection.sheet !== activeSheet) return;
    let column = selection.active.column + columns;
    while (columns !== 0 && activeSheet.hiddenColumns.has(column)) column += Math.sign(columns);
    const row = Math.max(0, selection.active.row + rows);
    this.selectCell(row, Math.max(0, column));
    this.scrollIntoView(row, Math.max(0, column));
  }

  scrollIntoView(row: number, column: number): void {
    const layout = this.computeLayout();
    const frozen = layout.sheet.frozenRows;
    if (row >= frozen) {
      const top = layout.offsets[Math.min(row - frozen, layout.offsets.length - 1)]!;
      const bottom = top + this.heightOf(layout, row);
      const frozenHeight = Array.from({ length: frozen }, (_, r) => this.heightOf(layout, r)).reduce((a, b) => a + b, 0);
      const view = this.viewport.clientHeight - HEADER_HEIGHT - frozenHeight;
      if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
      else if (bottom > this.viewport.scrollTop + view) this.viewport.scrollTop = bottom - view;
    }
    const index = layout.columns.indexOf(column);
    if (index >= 0) {
      const left = layout.widths.slice(0, index).reduce((a, b) => a + b, 0);
      const right = left + layout.widths[index]!;
      const view = this.viewport.clientWidth - ROW_HEADER_WIDTH;
      if (left < this.viewport.scrollLeft) this.viewport.scrollLeft = left;
      else if (right > this.viewport.scrollLeft + view) this.viewport.scrollLeft = right - view;
    }
    this.render();
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editing) return;
    const { selection, activeSheet } = this.workbook;
    if (selection.sheet !== activeSheet) return;
    const { row, column } = selection.active;
    const moves: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
      Tab: [0, 1],
    };
    const step = moves[event.key];
    if (step) {
      event.preventDefault();
      this.closeList();
      this.move(
        event.shiftKey && (event.key === 'Enter' || event.key === 'Tab') ? -step[0] : step[0],
        event.shiftKey && (event.key === 'Enter' || event.key === 'Tab') ? -step[1] : step[1],
      );
      return;
    }
    if (event.key === 'F2') {
      event.preventDefault();
      this.beginEdit(row, column, undefined);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      for (const area of selection.areas) this.callbacks.onUserClear(activeSheet, area);
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.beginEdit(row, column, event.key);
    }
  }

  private onPaste(event: ClipboardEvent): void {
    if (this.editing) return;
    const text = event.clipboardData?.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    const { selection, activeSheet } = this.workbook;
    if (selection.sheet !== activeSheet) return;
    const rows = parseTsv(text);
    this.callbacks.onUserEntry(activeSheet, selection.active.row, selection.active.column, rows);
  }

  // ---- Dropdown lists (data validation)

  private listValidation(sheet: Sheet, row: number, column: number): string[] | undefined {
    const validation = sheet.validations.find(
      (candidate) =>
        candidate.list &&
        row >= candidate.rect.row &&
        row < candidate.rect.row + candidate.rect.rows &&
        column >= candidate.rect.column &&
        column < candidate.rect.column + candidate.rect.columns,
    );
    if (!validation?.list?.inCellDropDown) return undefined;
    const source = validation.list.source;
    if (typeof source === 'string')
      return source
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    const items: string[] = [];
    for (let r = source.rect.row; r < source.rect.row + source.rect.rows; r += 1) {
      for (let c = source.rect.column; c < source.rect.column + source.rect.columns; c += 1) {
        const value = source.sheet.value(r, c);
        if (value !== '') items.push(display(value, source.sheet.formatAt(r, c)));
      }
    }
    return items;
  }

  openList(): void {
    const { selection, activeSheet } = this.workbook;
    const { row, column } = selection.active;
    const items = this.listValidation(activeSheet, row, column);
    const td = this.tdOf(row, column);
    if (!items || !td) return;
    this.closeList();
    const list = document.createElement('div');
    list.className = 'xl-list';
    list.setAttribute('role', 'listbox');
    const box = td.getBoundingClientRect();
    list.style.left = `${box.left}px`;
    list.style.top = `${box.bottom}px`;
    list.style.minWidth = `${box.width}px`;
    list.innerHTML = items.map((item) => `<div role="option">${escapeHtml(item)}</div>`).join('');
    list.addEventListener('mousedown', (event) => {
      event.preventDefault();
      const option = (event.target as HTMLElement).closest('[role="option"]');
      if (!option) return;
      this.closeList();
      this.callbacks.onUserEntry(activeSheet, row, column, [[option.textContent ?? '']]);
      this.viewport.focus();
    });
    document.body.append(list);
    this.list = list;
  }

  private closeList(): void {
    this.list?.remove();
    this.list = undefined;
  }
}

/** Excel's clipboard text: tab-separated, rows by newline, a field with a newline or quote in quotes. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === '\t') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
