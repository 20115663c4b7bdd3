/**
 * What the stand-in host page exposes as `window.thiduaHost`, for tests (page.evaluate) and the bench.
 * Rows and columns are 0-based sheet coordinates, as Range.rowIndex / columnIndex are.
 */
import type { Scalar } from './values';

export interface HostStats {
  runs: number;
  syncs: number;
  autoSyncs: number;
  requests: {
    run: number;
    bytes: number;
    actions: number;
    responseBytes: number;
    ms: number;
    end: number;
    error?: string;
    /** The undo record its changes went into (one per request, or per run with mergeUndoGroup). */
    undoGroup?: number;
  }[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  gaps: string[];
  officeProbes: string[];
  requirementChecks: string[];
  events: { raised: number; suppressed: number; byAddin: number; byUser: number };
  /** performance.now() (host clock) when the last request ended. */
  lastRequestEnd: number;
}

export interface CellInfo {
  value: Scalar;
  text: string;
  format: string;
  formula?: string;
  fill?: string;
  note?: string;
  wrap?: boolean;
  locked?: boolean;
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  horizontalAlignment?: string;
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>;
  /** The top-left cell of a merged area. */
  merged?: boolean;
}

export interface TableInfo {
  name: string;
  sheet: string;
  top: number;
  left: number;
  width: number;
  rowCount: number;
  headers: string[];
}

export interface HostConfig {
  /** Highest version of each requirement set, e.g. { ExcelApi: '1.18' }. */
  requirements: Record<string, string>;
  syncLatencyMs: number;
  requestLimitBytes: number;
  responseLimitBytes: number;
}

export interface ThiduaHost {
  readonly version: 1;
  config(): HostConfig;
  configure(patch: Partial<HostConfig>): void;
  /** Gives a pane window the host's Office, Excel and OfficeExtension (office-standin.js calls it). */
  attachPane(pane: Window): void;
  /** Gives the page in an Office dialog (a popup the pane opened) its Office: office-standin.js calls it. */
  attachDialog(page: Window): void;
  /** DialogMessageReceived on the open dialog, as if a page at `origin` had sent it; false without one. */
  dialogMessage(message: string, origin: string): boolean;
  /** The URLs the pane opened dialogs at. */
  dialogUrls(): string[];
  stats(): HostStats;
  resetStats(): void;
  /** The next context.sync fails with this error code, before anything of it runs. */
  failNextSync(code: string): void;
  now(): number;

  sheets(): {
    name: string;
    id: string;
    visibility: string;
    frozenRows: number;
    hiddenColumns: number[];
    columnWidths: Record<number, number>;
    merges: string[];
    rowHeights: Record<number, number>;
    pageLayout: Record<string, unknown>;
    conditionalFormats: { address: string; operator: string; formula1: string; fill?: string; fontColor?: string }[];
    /** Native charts: their type, title, the range they plot and the cells they sit over. */
    charts: { name: string; type: string; title: string; source: string; from?: string; to?: string }[];
  }[];
  activeSheet(): string;
  table(name: string): TableInfo | null;
  /** The table body's values, as Range.values reads them. */
  tableValues(name: string): Scalar[][];
  /** Every body cell of one table column (by header), with its fill, note, format. */
  tableColumn(name: string, header: string): CellInfo[];
  /** The fill of each body row's first cell. */
  tableFills(name: string): (string | null)[];
  cell(sheet: string, row: number, column: number): CellInfo;
  notes(sheet: string): { row: number; column: number; content: string }[];
  comments(): { sheet: string; row: number; column: number; content: string }[];
  /** Cells that became formulas (text entered without the apostrophe that looked like one). */
  formulaCells(): { sheet: string; address: string; formula: string }[];
  settings(): Record<string, unknown>;
  validations(sheet: string): { address: string; source: string }[];
  selection(): { sheet: string; areas: { row: number; column: number; rows: number; columns: number }[] };

  /** A person selects cells (one area or several, Ctrl+click). */
  select(sheet: string, areas: { row: number; column: number; rows?: number; columns?: number }[]): void;
  /** A person pastes a block at (row, column): parsed as Excel parses typed text, onChanged raised. */
  paste(
    row: number,
    column: number,
    values: (Scalar | null)[][],
    sheet?: string,
  ): { row: number; column: number; rows: number; columns: number };
  /** A person types one value into a cell and presses Enter. */
  type(row: number, column: number, text: string, sheet?: string): void;
  /** A person hides (or shows) whole columns, as with Excel's Hide on the column letters. */
  hideColumns(sheet: string, columns: number[], hidden?: boolean): void;
  /** Renders the grid now, and scrolls so that this cell is in view. */
  reveal(row: number, column: number): void;
}

declare global {
  interface Window {
    thiduaHost?: ThiduaHost;
  }
}
