/**
 * A stand-in for the part of Excel the council sheets use (office-council-sheets.ts), with the rules of
 * tests/addin/excel/fake-excel.ts that matter here: everything is queued and runs only at
 * context.sync(); a property read before load + sync throws PropertyNotLoaded; a missing sheet fails
 * the sync with ItemNotFound; a request over 5 MB is refused; a leading apostrophe is Excel's text
 * prefix; COUNTA formulas are computed. Formats, merges, validations, conditional formats and page
 * layout are recorded member by member (the log names every Excel API member the code touched), which
 * is also how the e2e host's list of members to implement is checked.
 */

type Scalar = string | number | boolean;

export class FakeOfficeError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export interface Cell {
  value: Scalar;
  formula?: string;
  numberFormat: string;
}

export interface OpEntry {
  request: number;
  sheet: string;
  /** "range.values", "format.font.bold", "conditionalFormats.add(CellValue).cellValue.rule", "pageLayout.zoom"… */
  member: string;
  address?: string;
  value?: unknown;
}

export class SheetModel {
  readonly cells = new Map<string, Cell>();
  readonly merges: string[] = [];
  deleted = false;
  constructor(readonly name: string) {}

  cell(row: number, column: number): Cell {
    const key = `${row}:${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '', numberFormat: 'General' };
      this.cells.set(key, cell);
    }
    return cell;
  }

  value(row: number, column: number): Scalar {
    return this.cells.get(`${row}:${column}`)?.value ?? '';
  }

  /** The values from A1 to the last non-empty cell (rows × columns), for the tests. */
  grid(): Scalar[][] {
    const keys = [...this.cells.entries()].filter(([, c]) => c.value !== '').map(([k]) => k.split(':').map(Number) as [number, number]);
    const rows = Math.max(0, ...keys.map(([r]) => r + 1));
    const columns = Math.max(0, ...keys.map(([, c]) => c + 1));
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => this.value(r, c)));
  }
}

interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

export function parseA1(text: string): Rect {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(text);
  if (!match) throw new FakeOfficeError('InvalidArgument');
  const c1 = colNumber(match[1]!);
  const r1 = Number(match[2]) - 1;
  const c2 = match[3] ? colNumber(match[3]) : c1;
  const r2 = match[4] ? Number(match[4]) - 1 : r1;
  return { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
}

export class FakeCouncilExcel {
  readonly sheets = new Map<string, SheetModel>();
  readonly log: OpEntry[] = [];
  readonly requestSizes: number[] = [];
  syncs = 0;
  request = 0;
  eventsEnabled = true;
  activeSheet: string | undefined;
  requestLimit = 5 * 1024 * 1024;
  /** Queued operations never synced before their Excel.run ended: always a bug. */
  unsynced = 0;

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(name);
    this.sheets.set(name, sheet);
    return sheet;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.get(name);
  }

  /** Every member name the code used, without addresses or values. */
  members(): string[] {
    return [...new Set(this.log.map((entry) => entry.member))].sort();
  }

  readonly run = async (...args: unknown[]): Promise<unknown> => {
    const batch = args.at(-1) as (context: FakeContext) => Promise<unknown>;
    const context = new FakeContext(this);
    try {
      return await batch(context);
    } finally {
      this.unsynced += context.pending.length;
    }
  };
}

type Action = { bytes: number; run: () => void };

export class FakeContext {
  readonly pending: Action[] = [];
  readonly workbook: { worksheets: unknown };
  readonly runtime: { enableEvents: boolean };

  constructor(readonly excel: FakeCouncilExcel) {
    const context = this;
    this.workbook = {
      worksheets: {
        getItemOrNullObject: (name: string) => new WorksheetFake(context, name, true),
        getItem: (name: string) => new WorksheetFake(context, name, false),
        add: (name: string) => {
          context.queue(100, () => {
            if (excel.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists');
            excel.addSheet(name);
            context.record(name, 'worksheets.add');
          });
          return new WorksheetFake(context, name, false);
        },
      },
    };
    this.runtime = {
      set enableEvents(on: boolean) {
        context.queue(100, () => {
          excel.eventsEnabled = on;
          context.record('', 'runtime.enableEvents', undefined, on);
        });
      },
      get enableEvents(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded');
      },
    };
  }

  queue(bytes: number, run: () => void): void {
    this.pending.push({ bytes, run });
  }

  record(sheet: string, member: string, address?: string, value?: unknown): void {
    this.excel.log.push({
      request: this.excel.request,
      sheet,
      member,
      ...(address ? { address } : {}),
      ...(value === undefined ? {} : { value }),
    });
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    excel.syncs += 1;
    excel.request = excel.syncs;
    const actions = this.pending.splice(0);
    const bytes = actions.reduce((sum, action) => sum + action.bytes, 0);
    excel.requestSizes.push(bytes);
    if (bytes > excel.requestLimit) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded');
    for (const action of actions) action.run();
    await Promise.resolve();
  }
}

/** Any member path set or called is queued and recorded: format.*, dataValidation.*, pageLayout.*… */
function recorder(
  context: FakeContext,
  sheet: () => string,
  path: string,
  address?: string,
  onSet?: (member: string, value: unknown) => void,
): unknown {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (prop === 'getItem' || prop === 'add') {
          return (arg: unknown) => {
            const member = `${path}.${prop}(${String(arg)})`;
            context.queue(100, () => context.record(sheet(), member, address));
            return recorder(context, sheet, member, address, onSet);
          };
        }
        if (prop === 'clear' || prop === 'freezeRows') {
          return (arg?: unknown) => context.queue(100, () => context.record(sheet(), `${path}.${prop}`, address, arg));
        }
        return recorder(context, sheet, `${path}.${prop}`, address, onSet);
      },
      set(_target, prop, value) {
        const member = `${path}.${String(prop)}`;
        context.queue(JSON.stringify(value ?? null).length + 100, () => {
          onSet?.(member, value);
          context.record(sheet(), member, address, value);
        });
        return true;
      },
    },
  );
}

class WorksheetFake {
  isNullObjectValue: boolean | undefined;
  readonly freezePanes: unknown;
  readonly pageLayout: unknown;

  constructor(
    private readonly context: FakeContext,
    readonly name: string,
    nullable: boolean,
  ) {
    if (nullable) context.queue(0, () => (this.isNullObjectValue = !context.excel.sheet(name)));
    this.freezePanes = recorder(context, () => name, 'freezePanes');
    this.pageLayout = recorder(context, () => name, 'pageLayout');
  }

  get isNullObject(): boolean {
    if (this.isNullObjectValue === undefined) throw new FakeOfficeError('PropertyNotLoaded');
    return this.isNullObjectValue;
  }

  model(): SheetModel {
    const sheet = this.context.excel.sheet(this.name);
    if (!sheet) throw new FakeOfficeError('ItemNotFound');
    return sheet;
  }

  delete(): void {
    this.context.queue(100, () => {
      this.model();
      this.context.excel.sheets.delete(this.name);
      this.context.record(this.name, 'worksheet.delete');
    });
  }

  activate(): void {
    this.context.queue(100, () => {
      this.model();
      this.context.excel.activeSheet = this.name;
      this.context.record(this.name, 'worksheet.activate');
    });
  }

  getRange(address: string): RangeFake {
    return new RangeFake(this.context, this, () => parseA1(address));
  }

  getUsedRange(valuesOnly?: boolean): RangeFake {
    return new RangeFake(this.context, this, () => {
      const grid = this.model().grid();
      if (!valuesOnly) throw new Error('fake: getUsedRange(false)');
      return { row: 0, column: 0, rows: Math.max(1, grid.length), columns: Math.max(1, grid[0]?.length ?? 1) };
    });
  }
}

const letters = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};
const a1 = (r: Rect) =>
  `${letters(r.column)}${r.row + 1}${r.rows * r.columns > 1 ? `:${letters(r.column + r.columns - 1)}${r.row + r.rows}` : ''}`;

class RangeFake {
  private readonly loaded = new Map<string, unknown>();
  readonly format: unknown;
  readonly dataValidation: unknown;
  readonly conditionalFormats: unknown;

  constructor(
    private readonly context: FakeContext,
    private readonly sheet: WorksheetFake,
    private readonly rect: () => Rect,
  ) {
    const name = () => sheet.name;
    let address: string | undefined;
    try {
      address = a1(rect());
    } catch {
      address = undefined;
    }
    this.format = recorder(context, name, 'format', address);
    this.dataValidation = recorder(context, name, 'dataValidation', address);
    this.conditionalFormats = recorder(context, name, 'conditionalFormats', address);
  }

  private each(apply: (cell: Cell, r: number, c: number) => void): Rect {
    const rect = this.rect();
    const model = this.sheet.model();
    for (let r = 0; r < rect.rows; r += 1) for (let c = 0; c < rect.columns; c += 1) apply(model.cell(rect.row + r, rect.column + c), r, c);
    return rect;
  }

  private grid<T>(values: T[][] | T, rect: Rect, r: number, c: number): T {
    if (!Array.isArray(values)) return values;
    if (values.length !== rect.rows || values.some((row) => row.length !== rect.columns)) throw new FakeOfficeError('InvalidArgument');
    return values[r]![c]!;
  }

  set values(values: Scalar[][]) {
    this.context.queue(JSON.stringify(values).length, () => {
      const rect = this.rect();
      this.each((cell, r, c) => {
        const value = this.grid(values, rect, r, c);
        delete cell.formula;
        if (typeof value === 'string' && value.startsWith("'")) cell.value = value.slice(1);
        else if (typeof value === 'string' && value.startsWith('=')) throw new Error(`fake: a formula written as a value: ${value}`);
        else cell.value = value;
      });
      this.context.record(this.sheet.name, 'range.values', a1(rect));
    });
  }

  set formulas(formulas: string[][]) {
    this.context.queue(JSON.stringify(formulas).length, () => {
      const rect = this.rect();
      const model = this.sheet.model();
      this.each((cell, r, c) => {
        const formula = this.grid(formulas, rect, r, c);
        cell.formula = formula;
        const match = /^=COUNTA\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
        if (!match) throw new Error(`fake: formula ${formula}`);
        const row = Number(match[2]) - 1;
        let count = 0;
        for (let col = colNumber(match[1]!); col <= colNumber(match[3]!); col += 1) if (model.value(row, col) !== '') count += 1;
        cell.value = count;
      });
      this.context.record(this.sheet.name, 'range.formulas', a1(rect));
    });
  }

  set numberFormat(format: string[][] | string) {
    this.context.queue(100, () => {
      const rect = this.rect();
      this.each((cell, r, c) => (cell.numberFormat = this.grid(format, rect, r, c)));
      this.context.record(this.sheet.name, 'range.numberFormat', a1(rect), format);
    });
  }

  merge(across?: boolean): void {
    this.context.queue(100, () => {
      const rect = this.rect();
      this.sheet.model().merges.push(a1(rect));
      this.context.record(this.sheet.name, 'range.merge', a1(rect), across);
    });
  }

  load(names: string): this {
    this.context.queue(0, () => {
      const rect = this.rect();
      const model = this.sheet.model();
      for (const name of names.split(',').map((n) => n.trim())) {
        if (name === 'values')
          this.loaded.set(
            name,
            Array.from({ length: rect.rows }, (_, r) =>
              Array.from({ length: rect.columns }, (_, c) => model.value(rect.row + r, rect.column + c)),
            ),
          );
        else if (name === 'rowIndex') this.loaded.set(name, rect.row);
        else if (name === 'columnIndex') this.loaded.set(name, rect.column);
        else throw new Error(`fake: load ${name}`);
      }
      this.context.record(this.sheet.name, 'range.load', a1(rect), names);
    });
    return this;
  }

  private read<T>(name: string): T {
    if (!this.loaded.has(name)) throw new FakeOfficeError('PropertyNotLoaded');
    return this.loaded.get(name) as T;
  }

  get values(): Scalar[][] {
    return this.read('values');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
}
