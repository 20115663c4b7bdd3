/**
 * A hand-rolled stand-in for the part of Excel's object model the gateway uses, behaving as Office.js
 * does where the gateway's correctness depends on it:
 *  - calls and property sets are queued and run, in order, only at context.sync(); a property read
 *    before it was loaded and synced throws, as PropertyNotLoaded would;
 *  - a request larger than `requestLimit` is refused whole (RequestPayloadSizeLimitExceeded), a
 *    response larger than `responseLimit` fails (ResponsePayloadSizeLimitExceeded);
 *  - null inside a 2-D array leaves the cell as it is; text written to a cell not formatted '@' that
 *    looks like a number becomes a number ("03" → 3); a leading apostrophe is Excel's text prefix;
 *  - the table's onChanged fires for every write, the add-in's own included, unless the add-in turned
 *    its events off (runtime.enableEvents) when the write ran;
 *  - table.rows.add does NOT carry number formats to the new rows (the worst case the gateway guards).
 * office-addin-mock cannot express queued ordering, events or notes, hence this model; the read paths
 * are also tested on office-addin-mock (see office-mock.test.ts).
 */

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}

type Scalar = string | number | boolean;

export interface Cell {
  value: Scalar;
  numberFormat: string;
  fill: string | null;
  locked: boolean;
  wrap: boolean;
}

interface Rect {
  sheet: SheetModel;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface NoteModel {
  row: number;
  column: number;
  content: string;
}

let nextId = 1;

export class SheetModel {
  readonly id = `sheet-${nextId++}`;
  visibility = 'Visible';
  readonly cells = new Map<string, Cell>();
  readonly widths = new Map<number, number>();
  readonly hidden = new Set<number>();
  frozenRows = 0;
  readonly validations: { rect: Omit<Rect, 'sheet'>; rule?: unknown; errorAlert?: unknown; cleared: boolean }[] = [];
  notes: NoteModel[] = [];
  /** A number format set on a whole sheet column: the default of every cell of it, present or future. */
  readonly columnFormats = new Map<number, string>();

  constructor(public name: string) {}

  cell(row: number, column: number): Cell {
    const key = `${row}:${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '', numberFormat: this.columnFormats.get(column) ?? 'General', fill: null, locked: true, wrap: false };
      this.cells.set(key, cell);
    }
    return cell;
  }

  value(row: number, column: number): Scalar {
    return this.cells.get(`${row}:${column}`)?.value ?? '';
  }

  /** Removes rows [row, row + count) of columns [column, column + columns), shifting what is below up. */
  deleteRows(row: number, count: number, column: number, columns: number): void {
    const moved = new Map<string, Cell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(':').map(Number) as [number, number];
      if (c < column || c >= column + columns) moved.set(key, cell);
      else if (r < row) moved.set(key, cell);
      else if (r >= row + count) moved.set(`${r - count}:${c}`, cell);
    }
    this.cells.clear();
    for (const [key, cell] of moved) this.cells.set(key, cell);
    this.notes = this.notes
      .filter((note) => !(note.row >= row && note.row < row + count && note.column >= column && note.column < column + columns))
      .map((note) =>
        note.row >= row + count && note.column >= column && note.column < column + columns ? { ...note, row: note.row - count } : note,
      );
  }
}

export class TableModel {
  readonly id = `table-${nextId++}`;
  readonly handlers = new Set<(event: { source: string; changeType: string; address: string; tableId: string }) => Promise<unknown>>();

  constructor(
    public name: string,
    public sheet: SheetModel,
    public top: number,
    public left: number,
    public headers: string[],
    public rowCount: number,
  ) {}

  get bodyRect(): Rect {
    return { sheet: this.sheet, row: this.top + 1, column: this.left, rows: this.rowCount, columns: this.headers.length };
  }

  /** The body's values, as Excel would answer a load of 'values'. */
  body(): Scalar[][] {
    return Array.from({ length: this.rowCount }, (_, r) => this.headers.map((_, c) => this.sheet.value(this.top + 1 + r, this.left + c)));
  }
}

export interface LogEntry {
  /** The request (1-based sync number) in which the operation ran. */
  request: number;
  op: string;
  sheet?: string;
  address?: string;
  detail?: unknown;
}

interface Action {
  bytes: number;
  run(): void;
}

const overhead = 100;
const size = (value: unknown): number => (JSON.stringify(value) ?? '').length + overhead;

function notLoaded(name: string): never {
  throw new FakeOfficeError('PropertyNotLoaded', `The property '${name}' is not available. Load it and call context.sync() first.`);
}

function letter(index: number): string {
  let n = index + 1;
  let text = '';
  while (n > 0) {
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}

function address(rect: Rect): string {
  const start = `${letter(rect.column)}${rect.row + 1}`;
  const end = `${letter(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
  return start === end ? start : `${start}:${end}`;
}

function parseAddress(text: string): Omit<Rect, 'sheet'> {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(text);
  if (!match) throw new FakeOfficeError('InvalidArgument', `bad address ${text}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const c1 = col(match[1]!);
  const r1 = Number(match[2]) - 1;
  const c2 = match[3] ? col(match[3]) : c1;
  const r2 = match[4] ? Number(match[4]) - 1 : r1;
  return { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
}

export interface FakeExcelOptions {
  requestLimit?: number;
  responseLimit?: number;
}

/** The model, the log and the `Excel.run` the gateway is given. */
export class FakeExcel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly settings = new Map<string, unknown>();
  comments: (NoteModel & { sheet: SheetModel })[] = [];
  eventsEnabled = true;
  selection: { sheet: SheetModel; areas: Omit<Rect, 'sheet'>[] } | undefined;
  activeSheet: SheetModel | undefined;
  readonly log: LogEntry[] = [];
  readonly runOptions: unknown[] = [];
  readonly requestSizes: number[] = [];
  syncs = 0;
  /** Queued operations never synced before their Excel.run ended: always a bug. */
  unsynced = 0;
  requestLimit: number;
  responseLimit: number;
  private failures: { code: string; when: (request: number) => boolean }[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.requestLimit = options.requestLimit ?? 5 * 1024 * 1024;
    this.responseLimit = options.responseLimit ?? 5 * 1024 * 1024;
  }

  /** Makes a future sync fail with this code before anything of it runs. */
  failSync(code: string, when: (request: number) => boolean = () => true): void {
    this.failures.push({ code, when });
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  table(name: string): TableModel | undefined {
    return this.tables.find((table) => table.name === name);
  }

  /** A table laid out at (top, left) with these headers and body rows, as a person might have left it. */
  addTable(sheet: SheetModel, name: string, headers: string[], rows: (Scalar | null)[][], top = 0, left = 0): TableModel {
    headers.forEach((header, c) => (sheet.cell(top, left + c).value = header));
    rows.forEach((row, r) => row.forEach((value, c) => (sheet.cell(top + 1 + r, left + c).value = value ?? '')));
    const table = new TableModel(name, sheet, top, left, headers, Math.max(rows.length, 1));
    this.tables.push(table);
    return table;
  }

  /** A person (or a co-author, 'Remote') edits a cell of the table: onChanged fires if the add-in's events are on. */
  async userEdit(table: TableModel, source: 'Local' | 'Remote' = 'Local'): Promise<void> {
    if (!this.eventsEnabled) return;
    for (const handler of table.handlers) await handler({ source, changeType: 'RangeEdited', address: 'B2', tableId: table.id });
  }

  readonly run = async (...args: unknown[]): Promise<unknown> => {
    const batch = args.at(-1) as (context: FakeContext) => Promise<unknown>;
    const first = args.length > 1 ? args[0] : undefined;
    const context = first instanceof FakeContext ? first : new FakeContext(this);
    this.runOptions.push(first instanceof FakeContext ? 'context' : (first ?? {}));
    try {
      return await batch(context);
    } finally {
      this.unsynced += context.pending.length;
      context.pending.length = 0;
    }
  };

  /** Runs one request: refused whole when too large, otherwise every action in order. */
  async execute(context: FakeContext): Promise<void> {
    this.syncs += 1;
    const request = this.syncs;
    const actions = context.pending.splice(0);
    const failure = this.failures.find((candidate) => candidate.when(request));
    if (failure) {
      this.failures.splice(this.failures.indexOf(failure), 1);
      throw new FakeOfficeError(failure.code);
    }
    const bytes = actions.reduce((sum, action) => sum + action.bytes, 0);
    this.requestSizes.push(bytes);
    if (bytes > this.requestLimit) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded');
    this.request = request;
    this.responseBytes = 0;
    for (const action of actions) action.run();
    if (this.responseBytes > this.responseLimit) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded');
    const events = this.pendingEvents.splice(0);
    await Promise.resolve();
    for (const event of events) for (const handler of event.table.handlers) await handler(event.args);
  }

  request = 0;
  responseBytes = 0;
  private readonly pendingEvents: { table: TableModel; args: { source: string; changeType: string; address: string; tableId: string } }[] =
    [];

  /** Makes an operation fail as it runs (what ran before it in the request stays done, as in Excel). */
  failOnOp: ((op: string) => string | undefined) | undefined;

  record(op: string, rect?: Rect, detail?: unknown): void {
    this.log.push({
      request: this.request,
      op,
      ...(rect ? { sheet: rect.sheet.name, address: address(rect) } : {}),
      ...(detail === undefined ? {} : { detail }),
    });
    const code = this.failOnOp?.(op);
    if (code) {
      this.failOnOp = undefined;
      throw new FakeOfficeError(code);
    }
  }

  /** A value or structure change inside a table: its onChanged, if the add-in's events are on now. */
  changed(rect: Rect): void {
    for (const table of this.tables) {
      const body = table.bodyRect;
      const inside =
        table.sheet === rect.sheet &&
        rect.row <= body.row + body.rows &&
        rect.row + rect.rows > table.top &&
        rect.column < body.column + body.columns &&
        rect.column + rect.columns > body.column;
      if (inside) this.raise(table, 'Local', address(rect));
    }
  }

  private raise(table: TableModel, source: string, where = ''): void {
    if (!this.eventsEnabled) return;
    this.pendingEvents.push({ table, args: { source, changeType: 'RangeEdited', address: where, tableId: table.id } });
  }

  /** For the tests: the schema's view of a table body, as rows of values. */
  bodyValues(tableName: string): Scalar[][] {
    return this.table(tableName)!.body();
  }
}

/** A loadable proxy: properties read after load + sync, like Office.js ClientObjects. */
abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  isNullObject = false;

  constructor(protected readonly context: FakeContext) {}

  protected abstract loadProperty(name: string): unknown;

  load(names?: string | string[] | { select?: string }): this {
    const list = typeof names === 'string' ? names.split(',') : Array.isArray(names) ? names : (names?.select ?? '').split(',');
    this.context.queue(0, () => {
      for (const name of list.map((n) => n.trim()).filter(Boolean)) {
        const value = this.loadProperty(name);
        this.context.excel.responseBytes += (JSON.stringify(value) ?? '').length;
        this.loaded.set(name, value);
      }
    });
    return this;
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) notLoaded(name);
    return this.loaded.get(name) as T;
  }
}

export class FakeContext {
  readonly pending: Action[] = [];
  readonly workbook: WorkbookProxy;
  readonly runtime: { enableEvents: boolean };

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
    const context = this;
    this.runtime = {
      set enableEvents(on: boolean) {
        context.queue(overhead, () => {
          excel.eventsEnabled = on;
          excel.record('runtime.enableEvents', undefined, on);
        });
      },
      get enableEvents(): boolean {
        return notLoaded('enableEvents');
      },
    };
  }

  queue(bytes: number, run: () => void): void {
    this.pending.push({ bytes, run });
  }

  sync(): Promise<void> {
    return this.excel.execute(this);
  }
}

class WorkbookProxy {
  readonly tables: { getItem(name: string): TableProxy; getItemOrNullObject(name: string): TableProxy };
  readonly worksheets: { getItemOrNullObject(name: string): WorksheetProxy; add(name: string): WorksheetProxy };
  readonly settings: { getItemOrNullObject(key: string): SettingProxy; add(key: string, value: unknown): void };
  readonly comments: CommentCollectionProxy;

  constructor(private readonly context: FakeContext) {
    const excel = context.excel;
    const lookupTable = (name: string) => () => excel.table(name);
    this.tables = {
      getItem: (name) => new TableProxy(context, lookupTable(name), false),
      getItemOrNullObject: (name) => new TableProxy(context, lookupTable(name), true),
    };
    this.worksheets = {
      getItemOrNullObject: (name) => new WorksheetProxy(context, () => excel.sheet(name), true),
      add: (name) => {
        let created: SheetModel | undefined;
        context.queue(overhead, () => {
          if (excel.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists');
          created = excel.addSheet(name);
          excel.record('worksheets.add', undefined, name);
        });
        return new WorksheetProxy(context, () => created, false);
      },
    };
    this.settings = {
      getItemOrNullObject: (key) => new SettingProxy(context, key),
      add: (key, value) =>
        context.queue(size(value), () => {
          excel.settings.set(key, value);
          excel.record('settings.add', undefined, key);
        }),
    };
    this.comments = new CommentCollectionProxy(context);
  }

  getSelectedRange(): RangeProxy {
    const excel = this.context.excel;
    return new RangeProxy(this.context, () => {
      const selection = excel.selection;
      if (!selection) return undefined;
      if (selection.areas.length !== 1) throw new FakeOfficeError('InvalidSelection');
      return { sheet: selection.sheet, ...selection.areas[0]! };
    });
  }

  getSelectedRanges(): { areas: { load(names: string): { items: RangeProxy[] } }; worksheet: WorksheetProxy } {
    const context = this.context;
    const excel = context.excel;
    const areas = {
      items: [] as RangeProxy[],
      load(names: string) {
        context.queue(0, () => {
          const selection = excel.selection!;
          areas.items = selection.areas.map((area) => {
            const proxy = new RangeProxy(context, () => ({ sheet: selection.sheet, ...area }));
            proxy.loadNow(names.split(',').map((name) => name.replace('items/', '')));
            return proxy;
          });
        });
        return areas;
      },
    };
    return { areas, worksheet: new WorksheetProxy(context, () => excel.selection?.sheet, false) };
  }
}

class SettingProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly key: string,
  ) {
    super(context);
    context.queue(overhead, () => (this.isNullObject = !context.excel.settings.has(key)));
  }

  protected loadProperty(name: string): unknown {
    if (name !== 'value') throw new Error(`fake: setting.${name}`);
    return this.context.excel.settings.get(this.key);
  }

  get value(): unknown {
    return this.read('value');
  }
}

class WorksheetProxy extends Proxy {
  readonly freezePanes: { freezeRows(count: number): void };
  readonly tables: { add(address: string, hasHeaders: boolean): TableProxy };
  readonly notes: NoteCollectionProxy;

  constructor(
    context: FakeContext,
    readonly resolve: () => SheetModel | undefined,
    nullable: boolean,
  ) {
    super(context);
    if (nullable) context.queue(overhead, () => (this.isNullObject = resolve() === undefined));
    const excel = context.excel;
    this.freezePanes = {
      freezeRows: (count) =>
        context.queue(overhead, () => {
          this.model().frozenRows = count;
          excel.record('freezeRows', undefined, count);
        }),
    };
    this.tables = {
      add: (where, hasHeaders) => {
        let created: TableModel | undefined;
        context.queue(overhead, () => {
          const rect = parseAddress(where);
          const sheet = this.model();
          const headers = Array.from({ length: rect.columns }, (_, c) => `Column${c + 1}`);
          created = excel.addTable(sheet, `Table${excel.tables.length + 1}`, hasHeaders ? headers : headers, [], rect.row, rect.column);
          excel.record('tables.add', { sheet, ...rect }, hasHeaders);
        });
        return new TableProxy(context, () => created, false);
      },
    };
    this.notes = new NoteCollectionProxy(context, () => this.model());
  }

  model(): SheetModel {
    const sheet = this.resolve();
    if (!sheet) throw new FakeOfficeError('ItemNotFound', 'worksheet');
    return sheet;
  }

  protected loadProperty(name: string): unknown {
    const sheet = this.model();
    if (name === 'name') return sheet.name;
    if (name === 'id') return sheet.id;
    throw new Error(`fake: worksheet.${name}`);
  }

  get name(): string {
    return this.read('name');
  }

  get id(): string {
    return this.read('id');
  }

  set visibility(value: string) {
    this.context.queue(overhead, () => {
      this.model().visibility = value;
      this.context.excel.record('worksheet.visibility', undefined, value);
    });
  }

  activate(): void {
    this.context.queue(overhead, () => {
      this.context.excel.activeSheet = this.model();
      this.context.excel.record('worksheet.activate', undefined, this.model().name);
    });
  }

  getRange(where?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.model();
      return where ? { sheet, ...parseAddress(where) } : { sheet, row: 0, column: 0, rows: 1048576, columns: 16384 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const proxy = new RangeProxy(this.context, () => {
      const sheet = this.model();
      const keys = [...sheet.cells.entries()]
        .filter(([, cell]) => !valuesOnly || cell.value !== '')
        .map(([key]) => key.split(':').map(Number) as [number, number]);
      if (keys.length === 0) return undefined;
      const rows = keys.map(([r]) => r);
      const cols = keys.map(([, c]) => c);
      return {
        sheet,
        row: Math.min(...rows),
        column: Math.min(...cols),
        rows: Math.max(...rows) - Math.min(...rows) + 1,
        columns: Math.max(...cols) - Math.min(...cols) + 1,
      };
    });
    this.context.queue(overhead, () => (proxy.isNullObject = proxy.resolve() === undefined));
    return proxy;
  }
}

class TableProxy extends Proxy {
  readonly columns: {
    getItem(name: string): TableColumnProxy;
    getItemAt(index: number): TableColumnProxy;
    add(index?: number, values?: unknown, name?: string): void;
  };
  readonly rows: { add(index: number | undefined, values: Scalar[][]): void };
  readonly onChanged: { add(handler: (event: unknown) => Promise<unknown>): { context: FakeContext; remove(): void } };

  constructor(
    context: FakeContext,
    readonly resolve: () => TableModel | undefined,
    nullable: boolean,
  ) {
    super(context);
    if (nullable) context.queue(overhead, () => (this.isNullObject = resolve() === undefined));
    const excel = context.excel;
    this.columns = {
      getItem: (name) =>
        new TableColumnProxy(
          context,
          () => {
            const index = this.model().headers.indexOf(name);
            if (index < 0) throw new FakeOfficeError('ItemNotFound', `column ${name}`);
            return index;
          },
          this,
        ),
      getItemAt: (index) => new TableColumnProxy(context, () => index, this),
      add: (_index, _values, name) =>
        context.queue(overhead, () => {
          const table = this.model();
          const column = table.left + table.headers.length;
          table.headers.push(name ?? `Column${table.headers.length + 1}`);
          table.sheet.cell(table.top, column).value = table.headers.at(-1)!;
          excel.record('columns.add', undefined, name);
        }),
    };
    this.rows = {
      add: (_index, values) =>
        context.queue(size(values), () => {
          const table = this.model();
          const start = table.top + 1 + table.rowCount;
          values.forEach((row, r) => row.forEach((value, c) => (table.sheet.cell(start + r, table.left + c).value = value)));
          table.rowCount += values.length;
          const rect = { sheet: table.sheet, row: start, column: table.left, rows: values.length, columns: table.headers.length };
          excel.record('rows.add', rect, values.length);
          excel.changed(rect);
        }),
    };
    this.onChanged = {
      add: (handler) => {
        context.queue(overhead, () => this.model().handlers.add(handler));
        return {
          context,
          remove: () => context.queue(overhead, () => this.model().handlers.delete(handler)),
        };
      },
    };
  }

  model(): TableModel {
    const table = this.resolve();
    if (!table) throw new FakeOfficeError('ItemNotFound', 'table');
    return table;
  }

  protected loadProperty(name: string): unknown {
    throw new Error(`fake: table.${name}`);
  }

  set name(value: string) {
    this.context.queue(overhead, () => (this.model().name = value));
  }

  private sheetProxy: WorksheetProxy | undefined;

  /** Navigation properties return the same proxy each time, as Office.js caches them. */
  get worksheet(): WorksheetProxy {
    this.sheetProxy ??= new WorksheetProxy(this.context, () => this.model().sheet, false);
    return this.sheetProxy;
  }

  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const table = this.model();
        return { sheet: table.sheet, row: table.top, column: table.left, rows: 1, columns: table.headers.length };
      },
      this,
    );
  }

  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, () => this.model().bodyRect, this);
  }
}

class TableColumnProxy {
  constructor(
    private readonly context: FakeContext,
    private readonly index: () => number,
    private readonly table: TableProxy,
  ) {}

  getRange(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const table = this.table.model();
        return { sheet: table.sheet, row: table.top, column: table.left + this.index(), rows: table.rowCount + 1, columns: 1 };
      },
      this.table,
    );
  }

  getDataBodyRange(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const table = this.table.model();
        return { sheet: table.sheet, row: table.top + 1, column: table.left + this.index(), rows: table.rowCount, columns: 1 };
      },
      this.table,
    );
  }
}

class RangeProxy extends Proxy {
  readonly format: {
    columnWidth: number;
    wrapText: boolean;
    fill: { color: string; clear(): void };
    protection: { locked: boolean };
  };
  readonly dataValidation: { clear(): void; rule: unknown; errorAlert: unknown };

  constructor(
    context: FakeContext,
    readonly resolve: () => Rect | undefined,
    private readonly table?: TableProxy,
  ) {
    super(context);
    const excel = context.excel;
    const each = (apply: (cell: Cell, row: number, column: number) => void) => {
      const rect = this.rect();
      for (let r = 0; r < rect.rows; r += 1)
        for (let c = 0; c < rect.columns; c += 1) apply(rect.sheet.cell(rect.row + r, rect.column + c), r, c);
      return rect;
    };
    const range = this;
    this.format = {
      set columnWidth(points: number) {
        context.queue(overhead, () => {
          const rect = range.rect();
          for (let c = 0; c < rect.columns; c += 1) rect.sheet.widths.set(rect.column + c, points);
          excel.record('format.columnWidth', rect, points);
        });
      },
      set wrapText(on: boolean) {
        context.queue(overhead, () =>
          excel.record(
            'format.wrapText',
            each((cell) => (cell.wrap = on)),
            on,
          ),
        );
      },
      fill: {
        set color(color: string) {
          context.queue(overhead, () =>
            excel.record(
              'format.fill',
              each((cell) => (cell.fill = color)),
              color,
            ),
          );
        },
        clear() {
          context.queue(overhead, () =>
            excel.record(
              'format.fill.clear',
              each((cell) => (cell.fill = null)),
            ),
          );
        },
      } as { color: string; clear(): void },
      protection: {
        set locked(on: boolean) {
          context.queue(overhead, () =>
            excel.record(
              'format.protection.locked',
              each((cell) => (cell.locked = on)),
              on,
            ),
          );
        },
      } as { locked: boolean },
    } as RangeProxy['format'];
    this.dataValidation = {
      clear() {
        context.queue(overhead, () => {
          const rect = range.rect();
          rect.sheet.validations.push({ rect, cleared: true });
          excel.record('dataValidation.clear', rect);
        });
      },
      set rule(rule: { list?: { source?: unknown } }) {
        context.queue(overhead, () => {
          const rect = range.rect();
          const source = rule.list?.source instanceof RangeProxy ? rule.list.source.rect() : rule.list?.source;
          const described =
            source && typeof source === 'object' && 'sheet' in source
              ? `${(source as Rect).sheet.name}!${address(source as Rect)}`
              : source;
          rect.sheet.validations.push({ rect, rule: { ...rule, list: { ...rule.list, source: described } }, cleared: false });
          excel.record('dataValidation.rule', rect, described);
        });
      },
      set errorAlert(alert: unknown) {
        context.queue(size(alert), () => excel.record('dataValidation.errorAlert', range.rect(), alert));
      },
    } as RangeProxy['dataValidation'];
  }

  rect(): Rect {
    const rect = this.resolve();
    if (!rect) throw new FakeOfficeError('ItemNotFound', 'range');
    return rect;
  }

  /** Loads at once (for collection items loaded by their collection's own queued load). */
  loadNow(names: string[]): void {
    for (const name of names) this.loaded.set(name, this.loadProperty(name));
  }

  protected loadProperty(name: string): unknown {
    const rect = this.rect();
    switch (name) {
      case 'values':
        return Array.from({ length: rect.rows }, (_, r) =>
          Array.from({ length: rect.columns }, (_, c) => rect.sheet.value(rect.row + r, rect.column + c)),
        );
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.columns;
      case 'address':
        return `${rect.sheet.name}!${address(rect)}`;
      default:
        throw new Error(`fake: range.${name}`);
    }
  }

  get values(): Scalar[][] {
    return this.read('values');
  }

  set values(values: (Scalar | null)[][] | Scalar) {
    this.context.queue(size(values), () => {
      const rect = this.rect();
      const grid = Array.isArray(values) ? values : undefined;
      if (grid && (grid.length !== rect.rows || grid.some((row) => row.length !== rect.columns))) {
        throw new FakeOfficeError('InvalidArgument', `values ${grid.length}x${grid[0]?.length} for ${address(rect)}`);
      }
      for (let r = 0; r < rect.rows; r += 1) {
        for (let c = 0; c < rect.columns; c += 1) {
          const value = grid ? grid[r]![c]! : (values as Scalar);
          if (value === null) continue; // null: leave the cell as it is
          const cell = rect.sheet.cell(rect.row + r, rect.column + c);
          if (typeof value === 'string' && value.startsWith("'"))
            cell.value = value.slice(1); // the text prefix
          else if (typeof value === 'string' && cell.numberFormat !== '@' && /^-?\d+(\.\d+)?$/.test(value)) cell.value = Number(value);
          else cell.value = value;
        }
      }
      this.context.excel.record('values', rect, values);
      // Writing a table's header row renames its columns.
      for (const table of this.context.excel.tables) {
        if (table.sheet !== rect.sheet || table.top < rect.row || table.top >= rect.row + rect.rows) continue;
        table.headers = table.headers.map((header, c) => {
          const column = table.left + c;
          return column >= rect.column && column < rect.column + rect.columns ? String(rect.sheet.value(table.top, column)) : header;
        });
      }
      // A table grows to take a row typed (or written) right under it.
      const table = this.table?.resolve();
      if (table && rect.row + rect.rows > table.top + 1 + table.rowCount && rect.column >= table.left)
        table.rowCount = rect.row + rect.rows - table.top - 1;
      this.context.excel.changed(rect);
    });
  }

  set numberFormat(format: string[][] | string) {
    this.context.queue(size(format), () => {
      const rect = this.rect();
      if (rect.row === 0 && rect.rows === 1048576 && typeof format === 'string') {
        for (let c = rect.column; c < rect.column + rect.columns; c += 1) {
          rect.sheet.columnFormats.set(c, format);
          for (const [key, cell] of rect.sheet.cells) if (Number(key.split(':')[1]) === c) cell.numberFormat = format;
        }
        this.context.excel.record('numberFormat', rect, format);
        return;
      }
      for (let r = 0; r < rect.rows; r += 1)
        for (let c = 0; c < rect.columns; c += 1)
          rect.sheet.cell(rect.row + r, rect.column + c).numberFormat = Array.isArray(format) ? format[r]![c]! : format;
      this.context.excel.record('numberFormat', rect, format);
    });
  }

  set columnHidden(hidden: boolean) {
    this.context.queue(overhead, () => {
      const rect = this.rect();
      for (let c = 0; c < rect.columns; c += 1) {
        if (hidden) rect.sheet.hidden.add(rect.column + c);
        else rect.sheet.hidden.delete(rect.column + c);
      }
      this.context.excel.record('columnHidden', rect, hidden);
    });
  }

  get rowIndex(): number {
    return this.read('rowIndex');
  }

  get columnIndex(): number {
    return this.read('columnIndex');
  }

  get rowCount(): number {
    return this.read('rowCount');
  }

  get columnCount(): number {
    return this.read('columnCount');
  }

  private sheetProxy: WorksheetProxy | undefined;

  get worksheet(): WorksheetProxy {
    this.sheetProxy ??= new WorksheetProxy(this.context, () => this.rect().sheet, false);
    return this.sheetProxy;
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const rect = this.rect();
        return { sheet: rect.sheet, row: rect.row + row, column: rect.column + column, rows: 1, columns: 1 };
      },
      this.table,
    );
  }

  getResizedRange(rows: number, columns: number): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const rect = this.rect();
        if (rect.rows + rows < 1 || rect.columns + columns < 1) throw new FakeOfficeError('InvalidArgument', 'resize');
        return { ...rect, rows: rect.rows + rows, columns: rect.columns + columns };
      },
      this.table,
    );
  }

  getEntireColumn(): RangeProxy {
    return new RangeProxy(this.context, () => ({ ...this.rect(), row: 0, rows: 1048576 }), this.table);
  }

  delete(shift: string): void {
    this.context.queue(overhead, () => {
      const rect = this.rect();
      const table = this.context.excel.tables.find(
        (candidate) =>
          candidate.sheet === rect.sheet && rect.row > candidate.top && rect.row + rect.rows <= candidate.top + 1 + candidate.rowCount,
      );
      if (shift !== 'Up' || !table) throw new FakeOfficeError('InvalidArgument', 'fake: delete only table rows, up');
      rect.sheet.deleteRows(rect.row, rect.rows, rect.column, rect.columns);
      table.rowCount = Math.max(1, table.rowCount - rect.rows);
      this.context.excel.record('delete', rect, shift);
      this.context.excel.changed(rect);
    });
  }

  clear(applyTo: string): void {
    this.context.queue(overhead, () => {
      const rect = this.rect();
      for (const [key, cell] of rect.sheet.cells) {
        const [r, c] = key.split(':').map(Number) as [number, number];
        if (r >= rect.row && r < rect.row + rect.rows && c >= rect.column && c < rect.column + rect.columns) cell.value = '';
      }
      this.context.excel.record('clear', rect, applyTo);
    });
  }

  select(): void {
    this.context.queue(overhead, () => {
      const rect = this.rect();
      this.context.excel.selection = {
        sheet: rect.sheet,
        areas: [{ row: rect.row, column: rect.column, rows: rect.rows, columns: rect.columns }],
      };
      this.context.excel.record('select', rect);
    });
  }
}

class NoteProxy {
  content = '';

  constructor(
    private readonly context: FakeContext,
    private readonly note: NoteModel,
    private readonly sheet: SheetModel,
    private readonly owner: { remove(note: NoteModel): boolean },
  ) {}

  getLocation(): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.sheet, row: this.note.row, column: this.note.column, rows: 1, columns: 1 }));
  }

  delete(): void {
    this.context.queue(overhead, () => {
      if (!this.owner.remove(this.note)) throw new FakeOfficeError('ItemNotFound', 'note');
      this.context.excel.record('note.delete', { sheet: this.sheet, row: this.note.row, column: this.note.column, rows: 1, columns: 1 });
    });
  }
}

class NoteCollectionProxy {
  items: NoteProxy[] = [];

  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {}

  load(): this {
    this.context.queue(0, () => {
      const sheet = this.sheet();
      this.items = sheet.notes.map((note) => {
        const proxy = new NoteProxy(this.context, note, sheet, {
          remove: (target) => {
            const before = sheet.notes.length;
            sheet.notes = sheet.notes.filter((candidate) => candidate !== target);
            return sheet.notes.length < before;
          },
        });
        proxy.content = note.content;
        return proxy;
      });
    });
    return this;
  }

  add(cell: RangeProxy, content: string): void {
    this.context.queue(size(content), () => {
      const rect = cell.rect();
      if (rect.rows !== 1 || rect.columns !== 1) throw new FakeOfficeError('InvalidArgument', 'a note goes on one cell');
      if (rect.sheet.notes.some((note) => note.row === rect.row && note.column === rect.column))
        throw new FakeOfficeError('InvalidArgument', 'the cell already has a note');
      rect.sheet.notes.push({ row: rect.row, column: rect.column, content });
      this.context.excel.record('note.add', rect, content);
    });
  }
}

class CommentCollectionProxy {
  items: NoteProxy[] = [];

  constructor(private readonly context: FakeContext) {}

  load(): this {
    const excel = this.context.excel;
    this.context.queue(0, () => {
      this.items = excel.comments.map((comment) => {
        const proxy = new NoteProxy(this.context, comment, comment.sheet, {
          remove: (target) => {
            const before = excel.comments.length;
            excel.comments = excel.comments.filter((candidate) => candidate !== target);
            return excel.comments.length < before;
          },
        });
        proxy.content = comment.content;
        return proxy;
      });
    });
    return this;
  }

  add(cell: RangeProxy, content: string, contentType: string): void {
    this.context.queue(size(content), () => {
      const rect = cell.rect();
      this.context.excel.comments.push({ sheet: rect.sheet, row: rect.row, column: rect.column, content });
      this.context.excel.record('comment.add', rect, { content, contentType });
    });
  }
}
