/**
 * The stand-in `Excel` namespace: the part of the Excel JavaScript API that addin/src/excel/ uses, with
 * Office.js's batching semantics, over the in-memory workbook (model.ts).
 *
 *  - Excel.run(batch) / Excel.run(options, batch) / Excel.run(context, batch); options are
 *    delayForCellEdit and mergeUndoGroup, nothing else.
 *  - Proxies queue operations; nothing happens before context.sync(), which runs the queue in order as
 *    one request. An object is resolved where it was created in the queue (a range taken before
 *    table.rows.add keeps its address). A missing item fails the request where it is first used.
 *  - Reading a property that was not loaded (and synced) throws PropertyNotLoaded, as Office.js does;
 *    isNullObject is known after the sync only.
 *  - A request larger than 5 MB is refused whole (RequestPayloadSizeLimitExceeded, nothing applied); a
 *    response larger than 5 MB fails (ResponsePayloadSizeLimitExceeded): Excel on the web's limits.
 *  - Every object is strict: a property or method the stand-in does not implement throws at once and is
 *    recorded (stats.gaps), so a gap between the add-in and this host is never silent.
 *  - onChanged is raised for data changes inside a table, by the add-in or a person, unless the add-in
 *    turned its events off (context.runtime.enableEvents = false) when the change ran.
 */
import {
  a1,
  HostError,
  intersects,
  MAX_COLUMNS,
  MAX_ROWS,
  Sheet,
  Table,
  Workbook,
  type Comment,
  type ConditionalFormat,
  type Note,
  type Rect,
  type TableHandler,
} from './model';
import { columnFromLetters, jsonBytes, type Scalar } from './values';
import { ChartCollectionApi, type ChartPort } from './charts-api';

/** Office.js sends a request as JSON: each action and each object path costs an envelope. */
const ACTION_BYTES = 100;
const OBJECT_PATH_BYTES = 100;
const REQUEST_ENVELOPE_BYTES = 200;

export const EXCEL_ONLINE_LIMIT_BYTES = 5 * 1024 * 1024;

export interface RequestRecord {
  run: number;
  bytes: number;
  actions: number;
  responseBytes: number;
  /** Wall time of the request (its latency included). */
  ms: number;
  /** performance.now() when it ended. */
  end: number;
  error?: string;
  /**
   * The undo record a request that changed the workbook went into: each context.sync() makes one,
   * unless its Excel.run asked mergeUndoGroup (ExcelApi 1.20), which makes one for the whole run.
   */
  undoGroup?: number;
}

export interface ExcelStats {
  runs: number;
  syncs: number;
  /** Syncs Excel.run made itself for operations queued but never synced by the batch. */
  autoSyncs: number;
  requests: RequestRecord[];
  /** Every API the add-in reached for that the stand-in lacks. */
  gaps: string[];
}

export interface ExcelHostOptions {
  requestLimitBytes?: number;
  responseLimitBytes?: number;
  /** Added to every context.sync (Excel on the web answers in tens of milliseconds). */
  syncLatencyMs?: number;
  /** Keep every operation run (host.operations), for tests that assert what the add-in asked. Default false. */
  logOperations?: boolean;
}

// ---- Errors

export class OfficeExtensionError extends Error {
  override readonly name = 'RichApi.Error';
  readonly traceMessages: string[] = [];
  readonly innerError = null;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

const MESSAGES: Record<string, string> = {
  ItemNotFound: 'The requested resource doesn\u2019t exist.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation is invalid for the object.',
  PropertyNotLoaded:
    'The property is not available. Before reading the property\u2019s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization for more information.',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization for more information.',
  InvalidOperationInCellEditMode:
    'The operation isn\u2019t available while Excel is in Edit cell mode. Exit Edit mode by using the ENTER or TAB keys, or by selecting another cell, and then try again.',
  ItemAlreadyExists: 'The resource being created already exists.',
  InvalidSelection: 'The current selection is invalid for this operation.',
};

export function officeError(code: string, detail?: string, location?: string): OfficeExtensionError {
  const message = MESSAGES[code] ?? code;
  return new OfficeExtensionError(code, detail ? `${message} (${detail})` : message, location);
}

function asOfficeError(error: unknown, location: string): unknown {
  if (error instanceof OfficeExtensionError) return error;
  if (error instanceof HostError) return officeError(error.code, error.message, location);
  if (error instanceof Error && error.name === 'EntryError') return officeError('InvalidArgument', error.message, location);
  return error;
}

// ---- Strict objects

const TOLERATED = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '_isMockFunction',
]);

export class StandInGap extends Error {
  override readonly name = 'StandInGap';
}

/**
 * Wraps an API object so that any property it does not define throws (and is recorded) instead of
 * reading as undefined or being set on the side.
 */
function strict<T extends object>(target: T, typeName: string, stats: ExcelStats): T {
  const gap = (what: string): never => {
    const name = `${typeName}.${what}`;
    stats.gaps.push(name);
    console.error(`[stand-in Excel] ${name} is not implemented by the stand-in host (tests/e2e/host)`);
    throw new StandInGap(`[stand-in Excel] ${name} is not implemented by the stand-in host`);
  };
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || property in object) return Reflect.get(object, property, receiver);
      if (TOLERATED.has(property)) return undefined;
      return gap(property);
    },
    set(object, property, value, receiver) {
      if (typeof property === 'symbol' || property in object) return Reflect.set(object, property, value, receiver);
      return gap(`${property} =`);
    },
  });
}

// ---- Requests

interface RequestState {
  responseBytes: number;
  commits: (() => void)[];
}

interface Action {
  bytes: number;
  label: string;
  /** What the add-in passed (a value set, a method's argument), for the operation log. */
  argument?: unknown;
  /** The range it acts on, for the operation log (read before it runs: a deleted note still has its cell). */
  where?: () => RangeRef | undefined;
  run(request: RequestState): void;
}

/** One operation a request ran, in order: what a node test asserts besides the workbook's state. */
export interface Operation {
  /** The request (1-based sync number) that ran it. */
  request: number;
  /** `Type.member`, as the stand-in names its actions (Range.values, Runtime.enableEvents, …). */
  label: string;
  argument?: unknown;
  /** The sheet and A1 address of the range it acted on, for range operations. */
  sheet?: string;
  address?: string;
}

export class ExcelHost {
  readonly stats: ExcelStats = { runs: 0, syncs: 0, autoSyncs: 0, requests: [], gaps: [] };
  requestLimitBytes: number;
  responseLimitBytes: number;
  syncLatencyMs: number;
  /** A person is editing a cell (the grid's in-cell editor is open). */
  private editing = false;
  private editWaiters: (() => void)[] = [];
  /** Syncs to fail, for tests: the next sync fails with this code before anything of it runs. */
  readonly failures: { code: string }[] = [];
  /**
   * Operations to fail as they run, for tests: the first action with this label fails with this code;
   * what ran before it in the request stays done, as in Excel.
   */
  readonly operationFailures: { label: string; code: string }[] = [];
  private undoGroups = 0;
  readonly namespace: { run: (...args: unknown[]) => Promise<unknown> };
  /** Every operation run, when the host was made with logOperations. */
  readonly operations: Operation[] | undefined;

  constructor(
    readonly workbook: Workbook,
    options: ExcelHostOptions = {},
  ) {
    this.requestLimitBytes = options.requestLimitBytes ?? EXCEL_ONLINE_LIMIT_BYTES;
    this.responseLimitBytes = options.responseLimitBytes ?? EXCEL_ONLINE_LIMIT_BYTES;
    this.syncLatencyMs = options.syncLatencyMs ?? 0;
    this.operations = options.logOperations ? [] : undefined;
    const host = this;
    this.namespace = strict({ run: (...args: unknown[]) => host.run(...args) }, 'Excel', this.stats);
  }

  wrap<T extends object>(target: T, typeName: string): T {
    return strict(target, typeName, this.stats);
  }

  setEditing(on: boolean): void {
    this.editing = on;
    if (!on) for (const resolve of this.editWaiters.splice(0)) resolve();
  }

  get isEditing(): boolean {
    return this.editing;
  }

  async run(...args: unknown[]): Promise<unknown> {
    const batch = args.at(-1);
    if (typeof batch !== 'function') throw officeError('InvalidArgument', 'Excel.run needs a batch function');
    if (args.length > 2) throw new StandInGap('[stand-in Excel] Excel.run with more than (options|context, batch) is not implemented');
    const first = args.length === 2 ? args[0] : undefined;
    let context: RequestContext;
    if (first instanceof RequestContext) {
      // An object's `context` is the context itself; the batch gets its strict face.
      context = first._proxy;
    } else {
      const options = (first ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(options)) {
        if (key !== 'delayForCellEdit' && key !== 'mergeUndoGroup') {
          this.stats.gaps.push(`Excel.run option ${key}`);
          throw new StandInGap(`[stand-in Excel] Excel.run option "${key}" is not implemented by the stand-in host`);
        }
      }
      context = this.newContext({
        delayForCellEdit: options.delayForCellEdit === true,
        mergeUndoGroup: options.mergeUndoGroup === true,
      });
    }
    this.stats.runs += 1;
    const result = await (batch as (context: RequestContext) => Promise<unknown>)(context);
    if (context._queue.length > 0) {
      // Office.js sends what the batch left queued when the batch's promise resolves.
      this.stats.autoSyncs += 1;
      await context.sync();
    }
    return result;
  }

  newContext(options: ContextOptions): RequestContext {
    const context = new RequestContext(this, options);
    context._proxy = this.wrap(context, 'RequestContext');
    return context._proxy;
  }

  /** The undo record for a change made now: one per request, or one per run when it merges its undo group. */
  private undoGroupFor(context: RequestContext): number {
    if (!context._options.mergeUndoGroup) return ++this.undoGroups;
    context._undoGroup ??= ++this.undoGroups;
    return context._undoGroup;
  }

  /** One request: refused whole when too large; otherwise every action in order, then the events. */
  async execute(context: RequestContext): Promise<void> {
    this.stats.syncs += 1;
    const requestNumber = this.stats.syncs;
    const started = performance.now();
    if (this.editing) {
      if (!context._options.delayForCellEdit) {
        context._queue.length = 0;
        throw officeError('InvalidOperationInCellEditMode');
      }
      await new Promise<void>((resolve) => this.editWaiters.push(resolve));
    }
    const actions = context._queue.splice(0);
    const bytes = REQUEST_ENVELOPE_BYTES + actions.reduce((sum, action) => sum + action.bytes, 0);
    const record: RequestRecord = { run: this.stats.runs, bytes, actions: actions.length, responseBytes: 0, ms: 0, end: 0 };
    this.stats.requests.push(record);
    await roundTrip(this.syncLatencyMs);
    const finish = (error?: unknown) => {
      record.end = performance.now();
      record.ms = record.end - started;
      if (error) record.error = (error as { code?: string }).code ?? String(error);
    };
    const injected = this.failures.shift();
    if (injected) {
      const error = officeError(injected.code, 'injected by the test');
      finish(error);
      throw error;
    }
    if (bytes > this.requestLimitBytes) {
      const error = officeError('RequestPayloadSizeLimitExceeded', `${bytes} bytes`);
      finish(error);
      throw error;
    }
    const request: RequestState = { responseBytes: 0, commits: [] };
    const workbook = this.workbook;
    try {
      for (const action of actions) {
        try {
          const target = this.operations && action.where ? targetOf(action.where) : undefined;
          const failure = this.operationFailures.findIndex((candidate) => candidate.label === action.label);
          if (failure >= 0) throw officeError(this.operationFailures.splice(failure, 1)[0]!.code, 'injected by the test');
          action.run(request);
          if (!changesNothing(action.label)) record.undoGroup ??= this.undoGroupFor(context);
          if (this.operations && !action.label.startsWith('instantiate '))
            this.operations.push({
              request: requestNumber,
              label: action.label,
              ...(action.argument === undefined ? {} : { argument: action.argument }),
              ...(target ? { sheet: target.sheet.name, address: a1(target.rect) } : {}),
            });
        } catch (error) {
          throw asOfficeError(error, action.label);
        }
      }
      record.responseBytes = request.responseBytes;
      if (request.responseBytes > this.responseLimitBytes)
        throw officeError('ResponsePayloadSizeLimitExceeded', `${request.responseBytes} bytes`);
      for (const commit of request.commits) commit();
      finish();
    } catch (error) {
      finish(error);
      throw error;
    } finally {
      // What ran before a failure stays done, as in Excel: show it and raise its events.
      workbook.touched();
      workbook.flushEvents();
    }
  }
}

/** Loads, look-ups and handler registrations leave nothing to undo. */
function changesNothing(label: string): boolean {
  return (
    label.startsWith('instantiate ') || label.includes('.load') || label.startsWith('EventHandler') || label === 'Runtime.enableEvents'
  );
}

function targetOf(where: () => RangeRef | undefined): RangeRef | undefined {
  try {
    return where();
  } catch {
    return undefined; // the action itself fails, and says why
  }
}

/** A round trip to Excel: a macrotask (never the same tick), plus the configured latency. */
function roundTrip(latencyMs: number): Promise<void> {
  if (latencyMs > 0) return new Promise((resolve) => setTimeout(resolve, latencyMs));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}

interface ContextOptions {
  delayForCellEdit: boolean;
  mergeUndoGroup: boolean;
}

export class RequestContext {
  readonly _queue: Action[] = [];
  _proxy: RequestContext = this;
  _undoGroup: number | undefined;
  readonly workbook: WorkbookApi;
  readonly runtime: RuntimeApi;

  constructor(
    readonly _host: ExcelHost,
    readonly _options: ContextOptions,
  ) {
    this.workbook = _host.wrap(new WorkbookApi(this), 'Workbook');
    this.runtime = _host.wrap(new RuntimeApi(this), 'Runtime');
  }

  sync(): Promise<void> {
    return this._host.execute(this);
  }

  _enqueue(
    label: string,
    bytes: number,
    run: (request: RequestState) => void,
    argument?: unknown,
    where?: () => RangeRef | undefined,
  ): void {
    this._queue.push({ label, bytes, run, ...(argument === undefined ? {} : { argument }), ...(where ? { where } : {}) });
  }

  get _workbook(): Workbook {
    return this._host.workbook;
  }

  _wrap<T extends object>(target: T, typeName: string): T {
    return this._host.wrap(target, typeName);
  }
}

function notLoaded(typeName: string, property: string): never {
  throw officeError('PropertyNotLoaded', `${typeName}.${property}`);
}

/** What `load` takes: "a,b", ["a", "b"]; the names as a list. */
function loadNames(spec: unknown, typeName: string, host: ExcelHost): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
  if (Array.isArray(spec) && spec.every((name) => typeof name === 'string')) return spec.map((name: string) => name.trim()).filter(Boolean);
  host.stats.gaps.push(`${typeName}.load(${JSON.stringify(spec)})`);
  throw new StandInGap(
    `[stand-in Excel] ${typeName}.load with ${JSON.stringify(spec)} is not implemented (strings and string arrays only)`,
  );
}

// ---- Client objects

abstract class ClientObject {
  protected readonly _loaded = new Map<string, unknown>();

  constructor(
    readonly context: RequestContext,
    protected readonly _typeName: string,
  ) {}

  /** The scalar properties `load` may ask for. */
  protected _loadable(): readonly string[] {
    return [];
  }

  /** A property's value now (inside a request). */
  protected _read(name: string): unknown {
    throw new StandInGap(`[stand-in Excel] ${this._typeName}.${name} cannot be loaded`);
  }

  load(spec?: unknown): this {
    let names = loadNames(spec, this._typeName, this.context._host);
    if (names.length === 0) names = [...this._loadable()];
    for (const name of names) {
      if (!this._loadable().includes(name)) {
        this.context._host.stats.gaps.push(`${this._typeName}.load('${name}')`);
        throw new StandInGap(`[stand-in Excel] ${this._typeName}.load('${name}') is not implemented by the stand-in host`);
      }
    }
    this.context._enqueue(`${this._typeName}.load(${names.join(',')})`, ACTION_BYTES, (request) => {
      const values = names.map((name) => [name, this._read(name)] as const);
      request.responseBytes += jsonBytes(Object.fromEntries(values));
      request.commits.push(() => {
        for (const [name, value] of values) this._loaded.set(name, value);
      });
    });
    return this;
  }

  /** For items a collection's load fills in. */
  _setLoaded(name: string, value: unknown): void {
    this._loaded.set(name, value);
  }

  protected _get<T>(name: string): T {
    if (!this._loaded.has(name)) notLoaded(this._typeName, name);
    return this._loaded.get(name) as T;
  }

  /** The range this object's operations act on, for the operation log. */
  protected _where(): RangeRef | undefined {
    return undefined;
  }

  protected _queue(label: string, argument: unknown, run: (request: RequestState) => void): void {
    this.context._enqueue(
      `${this._typeName}.${label}`,
      ACTION_BYTES + (argument === undefined ? 0 : jsonBytes(argument)),
      run,
      argument,
      () => this._where(),
    );
  }
}

type State<T> = { kind: 'pending' } | { kind: 'ok'; entity: T } | { kind: 'null' } | { kind: 'error'; error: unknown };

/** An object standing for something in the workbook, found where it was created in the queue. */
abstract class EntityObject<T> extends ClientObject {
  private _state: State<T> = { kind: 'pending' };
  private _synced = false;

  constructor(
    context: RequestContext,
    typeName: string,
    private readonly _resolve: () => T | undefined,
    private readonly _nullable = false,
  ) {
    super(context, typeName);
    context._enqueue(`instantiate ${typeName}`, OBJECT_PATH_BYTES, (request) => {
      this._instantiate();
      request.commits.push(() => (this._synced = true));
    });
  }

  /** For objects that exist as soon as made (items of a loaded collection). */
  _resolved(entity: T): this {
    this._state = { kind: 'ok', entity };
    this._synced = true;
    return this;
  }

  private _instantiate(): void {
    if (this._state.kind !== 'pending') return;
    try {
      const entity = this._resolve();
      if (entity !== undefined) this._state = { kind: 'ok', entity };
      else if (this._nullable) this._state = { kind: 'null' };
      else this._state = { kind: 'error', error: officeError('ItemNotFound', this._typeName) };
    } catch (error) {
      this._state = { kind: 'error', error };
    }
  }

  /** The entity, inside a request; throws where Excel would fail the request. */
  _e(): T {
    this._instantiate();
    const state = this._state;
    if (state.kind === 'ok') return state.entity;
    if (state.kind === 'null') throw officeError('ItemNotFound', `${this._typeName} is a null object`);
    if (state.kind === 'error') throw state.error;
    throw new Error('unreachable');
  }

  get isNullObject(): boolean {
    if (!this._synced) notLoaded(this._typeName, 'isNullObject');
    return this._state.kind === 'null';
  }
}

// ---- Workbook

interface RangeRef {
  sheet: Sheet;
  rect: Rect;
}

class WorkbookApi {
  readonly worksheets: WorksheetCollectionApi;
  readonly tables: TableCollectionApi;
  readonly settings: SettingCollectionApi;
  readonly comments: CommentCollectionApi;

  constructor(readonly context: RequestContext) {
    this.worksheets = context._wrap(new WorksheetCollectionApi(context), 'WorksheetCollection');
    this.tables = context._wrap(new TableCollectionApi(context), 'TableCollection');
    this.settings = context._wrap(new SettingCollectionApi(context), 'SettingCollection');
    this.comments = context._wrap(new CommentCollectionApi(context), 'CommentCollection');
  }

  getSelectedRange(): RangeApi {
    const workbook = this.context._workbook;
    return newRange(this.context, () => {
      const selection = workbook.selection;
      if (selection.areas.length !== 1) throw officeError('InvalidSelection', 'several areas are selected');
      return { sheet: selection.sheet, rect: selection.areas[0]! };
    });
  }

  getSelectedRanges(): RangeAreasApi {
    const workbook = this.context._workbook;
    return this.context._wrap(
      new RangeAreasApi(this.context, () => ({
        sheet: workbook.selection.sheet,
        areas: workbook.selection.areas.map((area) => ({ ...area })),
      })),
      'RangeAreas',
    );
  }
}

class RuntimeApi extends ClientObject {
  constructor(context: RequestContext) {
    super(context, 'Runtime');
  }

  protected override _loadable(): readonly string[] {
    return ['enableEvents'];
  }

  protected override _read(): unknown {
    return this.context._workbook.eventsEnabled;
  }

  get enableEvents(): boolean {
    return this._get('enableEvents');
  }

  set enableEvents(on: boolean) {
    if (typeof on !== 'boolean') throw officeError('InvalidArgument', 'enableEvents takes a boolean');
    this._queue('enableEvents', on, () => {
      this.context._workbook.eventsEnabled = on;
    });
  }
}

// ---- Worksheets

class WorksheetCollectionApi {
  constructor(readonly context: RequestContext) {}

  getItemOrNullObject(name: string): WorksheetApi {
    const workbook = this.context._workbook;
    return newWorksheet(this.context, () => workbook.sheet(name), true);
  }

  getItem(key: string): WorksheetApi {
    const workbook = this.context._workbook;
    return newWorksheet(this.context, () => workbook.sheet(key), false);
  }

  add(name?: string): WorksheetApi {
    const workbook = this.context._workbook;
    let created: Sheet | undefined;
    this.context._enqueue('WorksheetCollection.add', ACTION_BYTES + jsonBytes(name ?? ''), () => {
      let chosen = name;
      for (let n = workbook.sheets.length + 1; !chosen; n += 1) if (!workbook.sheet(`Sheet${n}`)) chosen = `Sheet${n}`;
      created = workbook.addSheet(chosen);
      workbook.touched();
    });
    return newWorksheet(this.context, () => created, false);
  }
}

function newWorksheet(context: RequestContext, resolve: () => Sheet | undefined, nullable: boolean): WorksheetApi {
  return context._wrap(new WorksheetApi(context, resolve, nullable), 'Worksheet');
}

class WorksheetApi extends EntityObject<Sheet> {
  readonly freezePanes: FreezePanesApi;
  readonly tables: WorksheetTableCollectionApi;
  readonly notes: NoteCollectionApi;
  readonly protection: WorksheetProtectionApi;
  private pageLayoutApi: PageLayoutApi | undefined;
  private chartsApi: ChartCollectionApi | undefined;

  constructor(context: RequestContext, resolve: () => Sheet | undefined, nullable: boolean) {
    super(context, 'Worksheet', resolve, nullable);
    this.freezePanes = context._wrap(new FreezePanesApi(context, this), 'WorksheetFreezePanes');
    this.tables = context._wrap(new WorksheetTableCollectionApi(context, this), 'TableCollection');
    this.notes = context._wrap(new NoteCollectionApi(context, this), 'NoteCollection');
    this.protection = context._wrap(new WorksheetProtectionApi(context, this), 'WorksheetProtection');
  }

  protected override _loadable(): readonly string[] {
    return ['id', 'name', 'visibility'];
  }

  protected override _read(name: string): unknown {
    const sheet = this._e();
    if (name === 'id') return sheet.id;
    if (name === 'name') return sheet.name;
    return sheet.visibility;
  }

  get id(): string {
    return this._get('id');
  }

  get name(): string {
    return this._get('name');
  }

  get visibility(): string {
    return this._get('visibility');
  }

  set visibility(value: string) {
    this._queue('visibility', value, () => {
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') throw officeError('InvalidArgument', `visibility ${value}`);
      const sheet = this._e();
      const workbook = this.context._workbook;
      if (
        value !== 'Visible' &&
        workbook.sheets.filter((candidate) => candidate.visibility === 'Visible' && candidate !== sheet).length === 0
      ) {
        throw officeError('InvalidOperation', 'a workbook must keep one visible sheet');
      }
      sheet.visibility = value;
      if (value !== 'Visible' && workbook.activeSheet === sheet) {
        workbook.activeSheet = workbook.sheets.find((candidate) => candidate.visibility === 'Visible')!;
      }
      workbook.touched();
    });
  }

  activate(): void {
    this._queue('activate()', undefined, () => {
      const sheet = this._e();
      if (sheet.visibility !== 'Visible') throw officeError('InvalidOperation', 'a hidden sheet cannot be activated');
      const workbook = this.context._workbook;
      workbook.activeSheet = sheet;
      if (workbook.selection.sheet !== sheet)
        workbook.selection = { sheet, areas: [{ row: 0, column: 0, rows: 1, columns: 1 }], active: { row: 0, column: 0 } };
      workbook.touched();
    });
  }

  getRange(address?: string): RangeApi {
    return newRange(this.context, () => {
      const sheet = this._e();
      return { sheet, rect: address === undefined ? { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } : parseAddress(address) };
    });
  }

  /** The used range; on a blank sheet, A1 (as Excel answers). */
  getUsedRange(valuesOnly?: boolean): RangeApi {
    return newRange(this.context, () => {
      const sheet = this._e();
      return { sheet, rect: sheet.usedRect(valuesOnly === true) ?? { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }

  delete(): void {
    this._queue('delete()', undefined, () => {
      const workbook = this.context._workbook;
      workbook.deleteSheet(this._e());
      workbook.touched();
    });
  }

  /** Native charts (ExcelApi 1.1), in charts-api.ts over this request's machinery. */
  get charts(): ChartCollectionApi {
    this.chartsApi ??= this.context._wrap(new ChartCollectionApi(chartPort(this.context, this)), 'ChartCollection');
    return this.chartsApi;
  }

  get pageLayout(): PageLayoutApi {
    this.pageLayoutApi ??= this.context._wrap(new PageLayoutApi(this.context, this), 'PageLayout');
    return this.pageLayoutApi;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi {
    return newRange(
      this.context,
      () => {
        const sheet = this._e();
        const rect = sheet.usedRect(valuesOnly === true);
        return rect ? { sheet, rect } : undefined;
      },
      true,
    );
  }
}

function chartPort(context: RequestContext, worksheet: WorksheetApi): ChartPort {
  const host = context._host;
  return {
    enqueue: (label, bytes, run, argument) => context._enqueue(label, bytes, run, argument),
    wrap: (target, typeName) => context._wrap(target, typeName),
    workbook: () => context._workbook,
    sheet: () => worksheet._e(),
    range(value) {
      if (value instanceof RangeApi) return value._e();
      if (typeof value === 'string') return { sheet: worksheet._e(), rect: parseAddress(value) };
      throw officeError('InvalidArgument', 'a range or an address');
    },
    itemNames: (spec, allowed) => itemNames(spec, 'ChartCollection', host, allowed),
    error: (code, detail) => officeError(code, detail),
    notLoaded: (property) => notLoaded('Chart', property),
  };
}

/** Worksheet protection (ExcelApi 1.2): kept on the sheet (sheet.protected) for tests to read; edits are not refused. */
class WorksheetProtectionApi {
  constructor(
    readonly context: RequestContext,
    private readonly worksheet: WorksheetApi,
  ) {}

  protect(): void {
    this.set(true);
  }

  unprotect(): void {
    this.set(false);
  }

  private set(on: boolean): void {
    this.context._enqueue(
      on ? 'WorksheetProtection.protect' : 'WorksheetProtection.unprotect',
      ACTION_BYTES,
      () => {
        this.worksheet._e().protected = on;
        this.context._workbook.touched();
      },
      on,
      () => undefined,
    );
  }
}

/**
 * Page setup (ExcelApi 1.9): what the add-in sets (orientation, paper, fit, margins, centring, print
 * title rows, print area, headers and footers), kept on the sheet (sheet.pageLayout) for tests to read.
 */
class PageLayoutApi {
  constructor(
    readonly context: RequestContext,
    private readonly sheet: WorksheetApi,
  ) {}

  private set(name: string, value: unknown, valid: boolean): void {
    this.context._enqueue(
      `PageLayout.${name}`,
      ACTION_BYTES + jsonBytes(value),
      () => {
        if (!valid) throw officeError('InvalidArgument', `pageLayout.${name} = ${JSON.stringify(value)}`);
        this.sheet._e().pageLayout[name] = JSON.parse(JSON.stringify(value)) as unknown;
      },
      value,
    );
  }

  set orientation(value: string) {
    this.set('orientation', value, value === 'Portrait' || value === 'Landscape');
  }

  set paperSize(value: string) {
    this.set('paperSize', value, typeof value === 'string' && value.length > 0);
  }

  set zoom(value: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.set('zoom', value, typeof value === 'object' && value !== null);
  }

  set topMargin(points: number) {
    this.set('topMargin', points, typeof points === 'number' && points >= 0);
  }

  set bottomMargin(points: number) {
    this.set('bottomMargin', points, typeof points === 'number' && points >= 0);
  }

  set leftMargin(points: number) {
    this.set('leftMargin', points, typeof points === 'number' && points >= 0);
  }

  set rightMargin(points: number) {
    this.set('rightMargin', points, typeof points === 'number' && points >= 0);
  }

  set centerHorizontally(on: boolean) {
    this.set('centerHorizontally', on, typeof on === 'boolean');
  }

  /** Whole rows only ("$1:$1", or a range spanning every column), as Excel requires; kept as "$1:$1". */
  setPrintTitleRows(rows: string | RangeApi): void {
    this.context._enqueue(
      'PageLayout.setPrintTitleRows',
      ACTION_BYTES + jsonBytes(typeof rows === 'string' ? rows : 'Range'),
      () => {
        const rect = rectOf(rows, this.sheet._e());
        if (rect.column !== 0 || rect.columns !== MAX_COLUMNS) throw officeError('InvalidArgument', 'print title rows must be whole rows');
        this.sheet._e().pageLayout.printTitleRows = `$${rect.row + 1}:$${rect.row + rect.rows}`;
      },
      typeof rows === 'string' ? rows : undefined,
    );
  }

  /** One rectangle (a string or a range of this sheet), kept as its A1 address. */
  setPrintArea(area: string | RangeApi): void {
    this.context._enqueue(
      'PageLayout.setPrintArea',
      ACTION_BYTES + jsonBytes(typeof area === 'string' ? area : 'Range'),
      () => {
        this.sheet._e().pageLayout.printArea = a1(rectOf(area, this.sheet._e()));
      },
      typeof area === 'string' ? area : undefined,
    );
  }

  get headersFooters(): HeaderFooterGroupApi {
    this.headersFootersApi ??= this.context._wrap(new HeaderFooterGroupApi(this.context, this.sheet), 'HeaderFooterGroup');
    return this.headersFootersApi;
  }

  private headersFootersApi: HeaderFooterGroupApi | undefined;
}

/** An address on the sheet itself, or a range that must be on it. */
function rectOf(where: string | RangeApi, sheet: Sheet): Rect {
  if (typeof where === 'string') return parseAddress(where);
  if (!(where instanceof RangeApi)) throw officeError('InvalidArgument', 'an address or a Range');
  const ref = where._e();
  if (ref.sheet !== sheet) throw officeError('InvalidArgument', 'a range of another sheet');
  return ref.rect;
}

const HEADER_FOOTER_STATES = ['Default', 'FirstAndDefault', 'OddAndEven', 'FirstOddAndEven'];

/** Headers and footers (ExcelApi 1.9), kept on sheet.pageLayout.headersFooters as set. */
class HeaderFooterGroupApi {
  private readonly pages = new Map<string, HeaderFooterApi>();

  constructor(
    readonly context: RequestContext,
    private readonly sheet: WorksheetApi,
  ) {}

  private store(): Record<string, unknown> {
    const layout = this.sheet._e().pageLayout;
    layout.headersFooters ??= {};
    return layout.headersFooters as Record<string, unknown>;
  }

  set state(value: string) {
    this.context._enqueue(
      'HeaderFooterGroup.state',
      ACTION_BYTES + jsonBytes(value),
      () => {
        if (!HEADER_FOOTER_STATES.includes(value)) throw officeError('InvalidArgument', `headersFooters.state = ${value}`);
        this.store().state = value;
      },
      value,
    );
  }

  private page(name: string): HeaderFooterApi {
    let page = this.pages.get(name);
    if (!page) {
      page = this.context._wrap(
        new HeaderFooterApi(this.context, name, () => {
          const group = this.store();
          group[name] ??= {};
          return group[name] as Record<string, string>;
        }),
        'HeaderFooter',
      );
      this.pages.set(name, page);
    }
    return page;
  }

  get defaultForAllPages(): HeaderFooterApi {
    return this.page('defaultForAllPages');
  }

  get firstPage(): HeaderFooterApi {
    return this.page('firstPage');
  }
}

/** One page kind's six header and footer texts, in Excel's codes (&P, &N…), kept as set. */
class HeaderFooterApi {
  constructor(
    readonly context: RequestContext,
    private readonly name: string,
    private readonly store: () => Record<string, string>,
  ) {}

  private set(part: string, text: string): void {
    this.context._enqueue(
      `HeaderFooter.${part}`,
      ACTION_BYTES + jsonBytes(text),
      () => {
        if (typeof text !== 'string') throw officeError('InvalidArgument', `${this.name}.${part}`);
        this.store()[part] = text;
      },
      text,
    );
  }

  set leftHeader(text: string) {
    this.set('leftHeader', text);
  }

  set centerHeader(text: string) {
    this.set('centerHeader', text);
  }

  set rightHeader(text: string) {
    this.set('rightHeader', text);
  }

  set leftFooter(text: string) {
    this.set('leftFooter', text);
  }

  set centerFooter(text: string) {
    this.set('centerFooter', text);
  }

  set rightFooter(text: string) {
    this.set('rightFooter', text);
  }
}

class FreezePanesApi {
  constructor(
    readonly context: RequestContext,
    private readonly sheet: WorksheetApi,
  ) {}

  freezeRows(count?: number): void {
    const rows = count ?? 1;
    this.context._enqueue('WorksheetFreezePanes.freezeRows', ACTION_BYTES, () => {
      if (!Number.isInteger(rows) || rows < 0 || rows >= MAX_ROWS) throw officeError('InvalidArgument', `freezeRows(${rows})`);
      this.sheet._e().frozenRows = rows;
      this.context._workbook.touched();
    });
  }
}

/** "A1", "$A$2:$A$10", "B:C" (columns), "1:3" (rows), on the sheet the range is taken from. */
export function parseAddress(address: string): Rect {
  const bare = address.replace(/\$/g, '').trim().toUpperCase();
  const cells = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(bare);
  if (cells) {
    const c1 = columnFromLetters(cells[1]!);
    const r1 = Number(cells[2]) - 1;
    const c2 = cells[3] ? columnFromLetters(cells[3]) : c1;
    const r2 = cells[4] ? Number(cells[4]) - 1 : r1;
    const rect = { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
    if (rect.row < 0 || rect.row + rect.rows > MAX_ROWS || rect.column + rect.columns > MAX_COLUMNS)
      throw officeError('InvalidArgument', `address ${address}`);
    return rect;
  }
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(bare);
  if (rows) {
    const r1 = Number(rows[1]) - 1;
    const r2 = Number(rows[2]) - 1;
    if (Math.min(r1, r2) < 0 || Math.max(r1, r2) >= MAX_ROWS) throw officeError('InvalidArgument', `address ${address}`);
    return { row: Math.min(r1, r2), column: 0, rows: Math.abs(r2 - r1) + 1, columns: MAX_COLUMNS };
  }
  const columns = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(bare);
  if (columns) {
    const c1 = columnFromLetters(columns[1]!);
    const c2 = columnFromLetters(columns[2]!);
    return { row: 0, column: Math.min(c1, c2), rows: MAX_ROWS, columns: Math.abs(c2 - c1) + 1 };
  }
  throw officeError('InvalidArgument', `the stand-in reads A1 addresses on the range's own sheet only, not "${address}"`);
}

// ---- Tables

class TableCollectionApi {
  constructor(readonly context: RequestContext) {}

  getItem(key: string): TableApi {
    const workbook = this.context._workbook;
    return newTable(this.context, () => workbook.table(key), false);
  }

  getItemOrNullObject(key: string): TableApi {
    const workbook = this.context._workbook;
    return newTable(this.context, () => workbook.table(key), true);
  }
}

class WorksheetTableCollectionApi {
  constructor(
    readonly context: RequestContext,
    private readonly sheet: WorksheetApi,
  ) {}

  add(address: string, hasHeaders: boolean): TableApi {
    const workbook = this.context._workbook;
    let created: Table | undefined;
    this.context._enqueue('TableCollection.add', ACTION_BYTES + jsonBytes(address), () => {
      const sheet = this.sheet._e();
      const rect = parseAddress(address);
      if (workbook.tablesOn(sheet).some((table) => intersects(table.rangeRect, rect)))
        throw officeError('InvalidOperation', 'a table cannot overlap another table');
      let name = '';
      for (let n = workbook.tables.length + 1; !name; n += 1) if (!workbook.table(`Table${n}`)) name = `Table${n}`;
      let top = rect.row;
      if (!hasHeaders) {
        // Excel inserts a header row above the data.
        sheet.shiftRows(rect.row, 1, rect.column, rect.columns);
        top = rect.row;
      }
      const used = new Set<string>();
      for (let c = 0; c < rect.columns; c += 1) {
        let header = hasHeaders ? String(sheet.value(top, rect.column + c)).trim() : '';
        if (!header || used.has(header.toLowerCase())) {
          let n = c + 1;
          while (used.has(`column${n}`)) n += 1;
          header = `Column${n}`;
        }
        used.add(header.toLowerCase());
        sheet.ensure(top, rect.column + c).value = header;
      }
      // A table of a header row only gets one blank body row.
      const bodyRows = Math.max(1, hasHeaders ? rect.rows - 1 : rect.rows);
      created = new Table(name, sheet, top, rect.column, rect.columns, bodyRows);
      workbook.tables.push(created);
      workbook.touched();
    });
    return newTable(this.context, () => created, false);
  }
}

function newTable(context: RequestContext, resolve: () => Table | undefined, nullable: boolean): TableApi {
  return context._wrap(new TableApi(context, resolve, nullable), 'Table');
}

class TableApi extends EntityObject<Table> {
  readonly columns: TableColumnCollectionApi;
  readonly rows: TableRowCollectionApi;
  readonly onChanged: TableChangedEventApi;
  private worksheetApi: WorksheetApi | undefined;

  constructor(context: RequestContext, resolve: () => Table | undefined, nullable: boolean) {
    super(context, 'Table', resolve, nullable);
    this.columns = context._wrap(new TableColumnCollectionApi(context, this), 'TableColumnCollection');
    this.rows = context._wrap(new TableRowCollectionApi(context, this), 'TableRowCollection');
    this.onChanged = context._wrap(new TableChangedEventApi(context, this), 'EventHandlers');
  }

  protected override _loadable(): readonly string[] {
    return ['id', 'name'];
  }

  protected override _read(name: string): unknown {
    const table = this._e();
    return name === 'id' ? table.id : table.name;
  }

  get id(): string {
    return this._get('id');
  }

  get name(): string {
    return this._get('name');
  }

  set name(value: string) {
    this._queue('name', value, () => {
      const table = this._e();
      const workbook = this.context._workbook;
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(value) || /^[A-Za-z]{1,3}\d+$/.test(value))
        throw officeError('InvalidArgument', `table name "${value}"`);
      const other = workbook.table(value);
      if (other && other !== table) throw officeError('ItemAlreadyExists', `a table named ${value}`);
      table.name = value;
    });
  }

  /** A navigation property: the same object each time, as in Office.js. */
  get worksheet(): WorksheetApi {
    this.worksheetApi ??= newWorksheet(this.context, () => this._e().sheet, false);
    return this.worksheetApi;
  }

  getHeaderRowRange(): RangeApi {
    return newRange(this.context, () => {
      const table = this._e();
      return { sheet: table.sheet, rect: table.headerRect };
    });
  }

  getDataBodyRange(): RangeApi {
    return newRange(this.context, () => {
      const table = this._e();
      return { sheet: table.sheet, rect: table.bodyRect };
    });
  }
}

interface ColumnRef {
  table: Table;
  index: number;
}

class TableColumnCollectionApi {
  constructor(
    readonly context: RequestContext,
    private readonly table: TableApi,
  ) {}

  getItem(key: string): TableColumnApi {
    return this.column(() => {
      const table = this.table._e();
      const headers = table.headers();
      let index = headers.indexOf(key);
      if (index < 0) index = headers.findIndex((header) => header.toLocaleLowerCase() === String(key).toLocaleLowerCase());
      return index < 0 ? undefined : { table, index };
    });
  }

  getItemAt(index: number): TableColumnApi {
    return this.column(() => {
      const table = this.table._e();
      return Number.isInteger(index) && index >= 0 && index < table.width ? { table, index } : undefined;
    });
  }

  add(index?: number | null, values?: unknown, name?: string): TableColumnApi {
    if ((index !== undefined && index !== null) || (values !== undefined && values !== null)) {
      this.context._host.stats.gaps.push('TableColumnCollection.add(index|values)');
      throw new StandInGap(
        '[stand-in Excel] TableColumnCollection.add with an index or values is not implemented (the add-in adds named columns at the end)',
      );
    }
    let added: ColumnRef | undefined;
    this.context._enqueue('TableColumnCollection.add', ACTION_BYTES + jsonBytes(name ?? ''), () => {
      const table = this.table._e();
      const workbook = this.context._workbook;
      const headers = table.headers().map((header) => header.toLowerCase());
      let header = name ?? '';
      if (!header || headers.includes(header.toLowerCase())) {
        let n = table.width + 1;
        while (headers.includes(`column${n}`)) n += 1;
        header = name ? `${name}${n}` : `Column${n}`;
      }
      const column = table.left + table.width;
      for (let r = table.top; r <= table.top + table.rowCount; r += 1) {
        if (
          workbook
            .tablesOn(table.sheet)
            .some((other) => other !== table && intersects(other.rangeRect, { row: r, column, rows: 1, columns: 1 }))
        ) {
          throw officeError('InvalidOperation', 'another table is in the way');
        }
      }
      table.sheet.ensure(table.top, column).value = header;
      table.width += 1;
      added = { table, index: table.width - 1 };
      workbook.changed(table.sheet, { row: table.top, column, rows: table.rowCount + 1, columns: 1 }, 'ColumnInserted', 'addin');
      workbook.touched();
    });
    return this.context._wrap(new TableColumnApi(this.context, () => added), 'TableColumn');
  }

  private column(resolve: () => ColumnRef | undefined): TableColumnApi {
    return this.context._wrap(new TableColumnApi(this.context, resolve), 'TableColumn');
  }
}

class TableColumnApi extends EntityObject<ColumnRef> {
  constructor(context: RequestContext, resolve: () => ColumnRef | undefined) {
    super(context, 'TableColumn', resolve, false);
  }

  getRange(): RangeApi {
    return newRange(this.context, () => {
      const { table, index } = this._e();
      return { sheet: table.sheet, rect: { row: table.top, column: table.left + index, rows: table.rowCount + 1, columns: 1 } };
    });
  }

  getDataBodyRange(): RangeApi {
    return newRange(this.context, () => {
      const { table, index } = this._e();
      return { sheet: table.sheet, rect: { row: table.top + 1, column: table.left + index, rows: table.rowCount, columns: 1 } };
    });
  }
}

class TableRowCollectionApi {
  constructor(
    readonly context: RequestContext,
    private readonly table: TableApi,
  ) {}

  add(index?: number | null, values?: readonly (readonly Scalar[])[], alwaysInsert?: boolean): void {
    if ((index !== undefined && index !== null) || alwaysInsert !== undefined) {
      this.context._host.stats.gaps.push('TableRowCollection.add(index|alwaysInsert)');
      throw new StandInGap('[stand-in Excel] TableRowCollection.add at an index is not implemented (the add-in appends)');
    }
    this.context._enqueue(
      'TableRowCollection.add',
      ACTION_BYTES + jsonBytes(values ?? null),
      () => {
        const table = this.table._e();
        const workbook = this.context._workbook;
        const rows = values === undefined || values === null ? [Array.from({ length: table.width }, () => '')] : values;
        if (!Array.isArray(rows) || rows.length === 0 || rows.some((row) => !Array.isArray(row) || row.length !== table.width)) {
          throw officeError('InvalidArgument', `rows.add takes rows of ${table.width} values`);
        }
        const rect = workbook.addTableRows(table, rows.length);
        workbook.enterValues(table.sheet, rect, rows);
        workbook.changed(table.sheet, rect, 'RowInserted', 'addin');
        workbook.touched();
      },
      values ?? null,
    );
  }
}

class TableChangedEventApi {
  constructor(
    readonly context: RequestContext,
    private readonly table: TableApi,
  ) {}

  add(handler: TableHandler): EventHandlerResult {
    if (typeof handler !== 'function') throw officeError('InvalidArgument', 'onChanged.add takes a function');
    this.context._enqueue('EventHandlers.add', ACTION_BYTES, () => {
      this.table._e().handlers.add(handler);
    });
    return this.context._wrap(new EventHandlerResult(this.context, () => this.table._e().handlers.delete(handler)), 'EventHandlerResult');
  }
}

class EventHandlerResult {
  constructor(
    readonly context: RequestContext,
    private readonly removeHandler: () => void,
  ) {}

  remove(): void {
    this.context._enqueue('EventHandlerResult.remove', ACTION_BYTES, () => this.removeHandler());
  }
}

// ---- Ranges

function newRange(context: RequestContext, resolve: () => RangeRef | undefined, nullable = false): RangeApi {
  return context._wrap(new RangeApi(context, resolve, nullable), 'Range');
}

function checkRect(rect: Rect): Rect {
  if (
    rect.row < 0 ||
    rect.column < 0 ||
    rect.rows < 1 ||
    rect.columns < 1 ||
    rect.row + rect.rows > MAX_ROWS ||
    rect.column + rect.columns > MAX_COLUMNS
  ) {
    throw officeError('InvalidArgument', `a range outside the sheet (${JSON.stringify(rect)})`);
  }
  return rect;
}

function is2d(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

class RangeApi extends EntityObject<RangeRef> {
  private formatApi: RangeFormatApi | undefined;
  private conditionalApi: ConditionalFormatCollectionApi | undefined;
  private validationApi: DataValidationApi | undefined;
  private worksheetApi: WorksheetApi | undefined;

  constructor(context: RequestContext, resolve: () => RangeRef | undefined, nullable: boolean) {
    super(
      context,
      'Range',
      () => {
        const found = resolve();
        return found && { sheet: found.sheet, rect: checkRect({ ...found.rect }) };
      },
      nullable,
    );
  }

  protected override _loadable(): readonly string[] {
    return ['values', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address'];
  }

  protected override _where(): RangeRef {
    return this._e();
  }

  protected override _read(name: string): unknown {
    const { sheet, rect } = this._e();
    switch (name) {
      case 'values': {
        if (rect.rows * rect.columns > 5_000_000) throw officeError('ResponsePayloadSizeLimitExceeded', 'too many cells');
        return Array.from({ length: rect.rows }, (_, r) =>
          Array.from({ length: rect.columns }, (_, c) => sheet.value(rect.row + r, rect.column + c)),
        );
      }
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.columns;
      default:
        return `${/[^A-Za-z0-9_]/.test(sheet.name) ? `'${sheet.name.replace(/'/g, "''")}'` : sheet.name}!${a1(rect).replace(/([A-Z]+)(\d+)/g, '$1$2')}`;
    }
  }

  get values(): Scalar[][] {
    return this._get('values');
  }

  set values(values: (Scalar | null)[][] | Scalar) {
    this._queue('values', values, () => {
      const { sheet, rect } = this._e();
      const workbook = this.context._workbook;
      if (is2d(values)) {
        if (values.length !== rect.rows || values.some((row) => row.length !== rect.columns)) {
          throw officeError(
            'InvalidArgument',
            `values of ${values.length}×${values[0]?.length ?? 0} for ${a1(rect)} (${rect.rows}×${rect.columns})`,
          );
        }
      } else if (Array.isArray(values) || values === null || typeof values === 'object') {
        throw officeError('InvalidArgument', 'values takes a 2-D array or one value');
      }
      workbook.enterValues(sheet, rect, values);
      workbook.changed(sheet, rect, 'RangeEdited', 'addin');
      workbook.touched();
    });
  }

  get rowIndex(): number {
    return this._get('rowIndex');
  }

  get columnIndex(): number {
    return this._get('columnIndex');
  }

  get rowCount(): number {
    return this._get('rowCount');
  }

  get columnCount(): number {
    return this._get('columnCount');
  }

  get address(): string {
    return this._get('address');
  }

  set numberFormat(format: string[][] | string) {
    this._queue('numberFormat', format, () => {
      const { sheet, rect } = this._e();
      if (is2d(format)) {
        if (format.length !== rect.rows || format.some((row) => row.length !== rect.columns))
          throw officeError('InvalidArgument', `numberFormat of the wrong size for ${a1(rect)}`);
        for (let r = 0; r < rect.rows; r += 1)
          for (let c = 0; c < rect.columns; c += 1) sheet.ensure(rect.row + r, rect.column + c).format = String(format[r]![c]);
      } else if (typeof format === 'string') {
        if (rect.rows === MAX_ROWS) {
          // A whole column: the default of every cell in it, present or future.
          for (let c = rect.column; c < rect.column + rect.columns; c += 1) sheet.columnFormats.set(c, format);
          for (const [, , cell] of sheet.cellsIn(rect)) delete cell.format;
        } else {
          for (let r = 0; r < rect.rows; r += 1)
            for (let c = 0; c < rect.columns; c += 1) sheet.ensure(rect.row + r, rect.column + c).format = format;
        }
      } else throw officeError('InvalidArgument', 'numberFormat takes a 2-D array or one format');
      this.context._workbook.touched();
    });
  }

  set formulas(formulas: (Scalar | null)[][] | Scalar) {
    this._queue('formulas', formulas, () => {
      const { sheet, rect } = this._e();
      const workbook = this.context._workbook;
      const grid = is2d(formulas)
        ? formulas
        : Array.from({ length: rect.rows }, () => Array.from({ length: rect.columns }, () => formulas));
      if (grid.length !== rect.rows || grid.some((row) => row.length !== rect.columns))
        throw officeError('InvalidArgument', `formulas of the wrong size for ${a1(rect)}`);
      workbook.enterFormulas(sheet, rect, grid as (Scalar | null)[][]);
      workbook.changed(sheet, rect, 'RangeEdited', 'addin');
      workbook.touched();
    });
  }

  merge(across?: boolean): void {
    this._queue('merge', across ?? false, () => {
      const { sheet, rect } = this._e();
      const workbook = this.context._workbook;
      if (across) for (let r = 0; r < rect.rows; r += 1) workbook.merge(sheet, { ...rect, row: rect.row + r, rows: 1 });
      else workbook.merge(sheet, rect);
      workbook.touched();
    });
  }

  get conditionalFormats(): ConditionalFormatCollectionApi {
    this.conditionalApi ??= this.context._wrap(new ConditionalFormatCollectionApi(this.context, this), 'ConditionalFormatCollection');
    return this.conditionalApi;
  }

  set columnHidden(hidden: boolean) {
    this._queue('columnHidden', hidden, () => {
      const { sheet, rect } = this._e();
      for (let c = rect.column; c < rect.column + rect.columns; c += 1) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
      this.context._workbook.touched();
    });
  }

  get format(): RangeFormatApi {
    this.formatApi ??= this.context._wrap(new RangeFormatApi(this.context, this), 'RangeFormat');
    return this.formatApi;
  }

  get dataValidation(): DataValidationApi {
    this.validationApi ??= this.context._wrap(new DataValidationApi(this.context, this), 'DataValidation');
    return this.validationApi;
  }

  get worksheet(): WorksheetApi {
    this.worksheetApi ??= newWorksheet(this.context, () => this._e().sheet, false);
    return this.worksheetApi;
  }

  getCell(row: number, column: number): RangeApi {
    return newRange(this.context, () => {
      const { sheet, rect } = this._e();
      return { sheet, rect: { row: rect.row + row, column: rect.column + column, rows: 1, columns: 1 } };
    });
  }

  getRow(row: number): RangeApi {
    return newRange(this.context, () => {
      const { sheet, rect } = this._e();
      return { sheet, rect: { row: rect.row + row, column: rect.column, rows: 1, columns: rect.columns } };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeApi {
    return newRange(this.context, () => {
      const { sheet, rect } = this._e();
      return { sheet, rect: { ...rect, rows: rect.rows + deltaRows, columns: rect.columns + deltaColumns } };
    });
  }

  /** The first cell (by rows) whose value reads as `text`, within this range; ItemNotFound when none (as Excel). */
  find(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean } = {}): RangeApi {
    return newRange(this.context, () => {
      const { sheet, rect } = this._e();
      const fold = (value: string) => (criteria.matchCase ? value : value.toLowerCase());
      const wanted = fold(String(text));
      for (let r = 0; r < rect.rows; r += 1) {
        for (let c = 0; c < rect.columns; c += 1) {
          const value = fold(String(sheet.value(rect.row + r, rect.column + c) ?? ''));
          if (criteria.completeMatch ? value === wanted : value.includes(wanted))
            return { sheet, rect: { row: rect.row + r, column: rect.column + c, rows: 1, columns: 1 } };
        }
      }
      throw officeError('ItemNotFound', `"${text}" not found`);
    });
  }

  /** The cells this range shares with another; ItemNotFound when they share none (as Excel). */
  getIntersection(other: RangeApi): RangeApi {
    return newRange(this.context, () => {
      const a = this._e();
      const b = other._e();
      const row = Math.max(a.rect.row, b.rect.row);
      const column = Math.max(a.rect.column, b.rect.column);
      const rows = Math.min(a.rect.row + a.rect.rows, b.rect.row + b.rect.rows) - row;
      const columns = Math.min(a.rect.column + a.rect.columns, b.rect.column + b.rect.columns) - column;
      if (a.sheet !== b.sheet || rows <= 0 || columns <= 0) throw officeError('ItemNotFound', 'no intersection');
      return { sheet: a.sheet, rect: { row, column, rows, columns } };
    });
  }

  getEntireColumn(): RangeApi {
    return newRange(this.context, () => {
      const { sheet, rect } = this._e();
      return { sheet, rect: { row: 0, rows: MAX_ROWS, column: rect.column, columns: rect.columns } };
    });
  }

  delete(shift: string): void {
    if (shift !== 'Up') {
      this.context._host.stats.gaps.push(`Range.delete('${shift}')`);
      throw new StandInGap(`[stand-in Excel] Range.delete('${shift}') is not implemented (the add-in deletes rows up)`);
    }
    this._queue('delete', shift, () => {
      const { sheet, rect } = this._e();
      const workbook = this.context._workbook;
      workbook.deleteUp(sheet, rect);
      workbook.changed(sheet, rect, 'RowDeleted', 'addin');
      workbook.touched();
    });
  }

  clear(applyTo?: string): void {
    if (applyTo !== 'Contents') {
      this.context._host.stats.gaps.push(`Range.clear('${applyTo}')`);
      throw new StandInGap(`[stand-in Excel] Range.clear('${applyTo}') is not implemented (the add-in clears contents)`);
    }
    this._queue('clear', applyTo, () => {
      const { sheet, rect } = this._e();
      const workbook = this.context._workbook;
      workbook.clearContents(sheet, rect);
      workbook.changed(sheet, rect, 'RangeEdited', 'addin');
      workbook.touched();
    });
  }

  select(): void {
    this._queue('select', undefined, () => {
      const { sheet, rect } = this._e();
      const workbook = this.context._workbook;
      if (sheet.visibility !== 'Visible') throw officeError('InvalidOperation', 'a cell of a hidden sheet cannot be selected');
      workbook.activeSheet = sheet;
      workbook.selection = { sheet, areas: [{ ...rect }], active: { row: rect.row, column: rect.column } };
      workbook.touched();
    });
  }

  /** Each existing-or-created cell of the range, inside a request. */
  _eachCell(apply: (cell: ReturnType<Sheet['ensure']>) => void): void {
    const { sheet, rect } = this._e();
    if (rect.rows * rect.columns > 2_000_000) throw officeError('InvalidArgument', 'the stand-in formats at most 2,000,000 cells at once');
    for (let r = 0; r < rect.rows; r += 1) for (let c = 0; c < rect.columns; c += 1) apply(sheet.ensure(rect.row + r, rect.column + c));
    this.context._workbook.touched();
  }
}

const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

class RangeFormatApi {
  readonly fill: RangeFillApi;
  readonly protection: FormatProtectionApi;
  readonly font: RangeFontApi;
  readonly borders: RangeBorderCollectionApi;

  constructor(
    readonly context: RequestContext,
    private readonly range: RangeApi,
  ) {
    this.fill = context._wrap(new RangeFillApi(context, range), 'RangeFill');
    this.protection = context._wrap(new FormatProtectionApi(context, range), 'FormatProtection');
    this.font = context._wrap(new RangeFontApi(context, range), 'RangeFont');
    this.borders = context._wrap(new RangeBorderCollectionApi(context, range), 'RangeBorderCollection');
  }

  set horizontalAlignment(value: string) {
    this.context._enqueue(
      'RangeFormat.horizontalAlignment',
      ACTION_BYTES,
      () => {
        if (!HORIZONTAL.includes(value)) throw officeError('InvalidArgument', `horizontalAlignment ${value}`);
        this.range._eachCell((cell) => (cell.horizontalAlignment = value));
      },
      value,
      () => this.range._e(),
    );
  }

  set verticalAlignment(value: string) {
    this.context._enqueue(
      'RangeFormat.verticalAlignment',
      ACTION_BYTES,
      () => {
        if (!VERTICAL.includes(value)) throw officeError('InvalidArgument', `verticalAlignment ${value}`);
        this.range._eachCell((cell) => (cell.verticalAlignment = value));
      },
      value,
      () => this.range._e(),
    );
  }

  set rowHeight(points: number) {
    this.context._enqueue(
      'RangeFormat.rowHeight',
      ACTION_BYTES,
      () => {
        if (typeof points !== 'number' || points < 0 || points > 409) throw officeError('InvalidArgument', `rowHeight ${points}`);
        const { sheet, rect } = this.range._e();
        for (let r = rect.row; r < rect.row + Math.min(rect.rows, 100_000); r += 1) sheet.rowHeights.set(r, points);
        this.context._workbook.touched();
      },
      points,
      () => this.range._e(),
    );
  }

  set columnWidth(points: number) {
    this.context._enqueue(
      'RangeFormat.columnWidth',
      ACTION_BYTES,
      () => {
        if (typeof points !== 'number' || points < 0) throw officeError('InvalidArgument', `columnWidth ${points}`);
        const { sheet, rect } = this.range._e();
        for (let c = rect.column; c < rect.column + rect.columns; c += 1) sheet.columnWidths.set(c, points);
        this.context._workbook.touched();
      },
      points,
      () => this.range._e(),
    );
  }

  set wrapText(on: boolean) {
    this.context._enqueue(
      'RangeFormat.wrapText',
      ACTION_BYTES,
      () => this.range._eachCell((cell) => (cell.wrap = on)),
      on,
      () => this.range._e(),
    );
  }
}

class RangeFillApi {
  constructor(
    readonly context: RequestContext,
    private readonly range: RangeApi,
  ) {}

  set color(color: string) {
    this.context._enqueue(
      'RangeFill.color',
      ACTION_BYTES + jsonBytes(color),
      () => {
        if (typeof color !== 'string' || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(color))
          throw officeError('InvalidArgument', `fill color ${color}`);
        this.range._eachCell((cell) => (cell.fill = color.toUpperCase()));
      },
      color,
      () => this.range._e(),
    );
  }

  clear(): void {
    this.context._enqueue(
      'RangeFill.clear',
      ACTION_BYTES,
      () => {
        const { sheet, rect } = this.range._e();
        for (const [, , cell] of sheet.cellsIn(rect)) delete cell.fill;
        this.context._workbook.touched();
      },
      undefined,
      () => this.range._e(),
    );
  }
}

class RangeFontApi {
  constructor(
    readonly context: RequestContext,
    private readonly range: RangeApi,
  ) {}

  private set(name: 'name' | 'size' | 'bold' | 'italic' | 'color', value: string | number | boolean, valid: boolean): void {
    this.context._enqueue(`RangeFont.${name}`, ACTION_BYTES + jsonBytes(value), () => {
      if (!valid) throw officeError('InvalidArgument', `font.${name} = ${JSON.stringify(value)}`);
      this.range._eachCell((cell) => (cell.font = { ...cell.font, [name]: name === 'color' ? String(value).toUpperCase() : value }));
    });
  }

  set name(value: string) {
    this.set('name', value, typeof value === 'string' && value.length > 0);
  }

  set size(value: number) {
    this.set('size', value, typeof value === 'number' && value >= 1 && value <= 409);
  }

  set bold(value: boolean) {
    this.set('bold', value, typeof value === 'boolean');
  }

  set italic(value: boolean) {
    this.set('italic', value, typeof value === 'boolean');
  }

  set color(value: string) {
    this.set('color', value, typeof value === 'string' && /^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(value));
  }
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

class RangeBorderCollectionApi {
  constructor(
    readonly context: RequestContext,
    private readonly range: RangeApi,
  ) {}

  getItem(index: string): RangeBorderApi {
    if (!BORDER_INDEXES.includes(index)) {
      this.context._host.stats.gaps.push(`RangeBorderCollection.getItem('${index}')`);
      throw new StandInGap(`[stand-in Excel] border ${index} is not implemented (edges and insides only)`);
    }
    return this.context._wrap(new RangeBorderApi(this.context, this.range, index), 'RangeBorder');
  }
}

class RangeBorderApi {
  constructor(
    readonly context: RequestContext,
    private readonly range: RangeApi,
    private readonly index: string,
  ) {}

  set style(style: string) {
    this.context._enqueue(
      'RangeBorder.style',
      ACTION_BYTES,
      () => {
        if (!['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'].includes(style))
          throw officeError('InvalidArgument', `border style ${style}`);
        const { sheet, rect } = this.range._e();
        const mark = (row: number, column: number, edge: 'top' | 'bottom' | 'left' | 'right') => {
          const cell = sheet.ensure(row, column);
          cell.borders = { ...cell.borders, [edge]: style };
        };
        const last = { row: rect.row + rect.rows - 1, column: rect.column + rect.columns - 1 };
        for (let r = rect.row; r <= last.row; r += 1) {
          for (let c = rect.column; c <= last.column; c += 1) {
            if (this.index === 'EdgeTop' && r === rect.row) mark(r, c, 'top');
            if (this.index === 'EdgeBottom' && r === last.row) mark(r, c, 'bottom');
            if (this.index === 'EdgeLeft' && c === rect.column) mark(r, c, 'left');
            if (this.index === 'EdgeRight' && c === last.column) mark(r, c, 'right');
            if (this.index === 'InsideHorizontal' && r < last.row) mark(r, c, 'bottom');
            if (this.index === 'InsideVertical' && c < last.column) mark(r, c, 'right');
          }
        }
        this.context._workbook.touched();
      },
      style,
      () => this.range._e(),
    );
  }
}

/** Conditional formats: the CellValue kind (a comparison with a number), as the council's sheets use. */
class ConditionalFormatCollectionApi {
  constructor(
    readonly context: RequestContext,
    private readonly range: RangeApi,
  ) {}

  add(type: string): ConditionalFormatApi {
    if (type !== 'CellValue') {
      this.context._host.stats.gaps.push(`ConditionalFormatCollection.add('${type}')`);
      throw new StandInGap(`[stand-in Excel] conditional format ${type} is not implemented (CellValue only)`);
    }
    let created: ConditionalFormat | undefined;
    this.context._enqueue('ConditionalFormatCollection.add', ACTION_BYTES, () => {
      const { sheet, rect } = this.range._e();
      created = { rect: { ...rect }, operator: 'GreaterThan', formula1: '' };
      sheet.conditionalFormats.push(created);
      this.context._workbook.touched();
    });
    const entry = () => {
      if (!created) throw officeError('ItemNotFound', 'conditional format');
      return created;
    };
    return this.context._wrap(new ConditionalFormatApi(this.context, entry), 'ConditionalFormat');
  }
}

class ConditionalFormatApi {
  readonly cellValue: CellValueConditionalFormatApi;

  constructor(
    readonly context: RequestContext,
    entry: () => ConditionalFormat,
  ) {
    this.cellValue = context._wrap(new CellValueConditionalFormatApi(context, entry), 'CellValueConditionalFormat');
  }
}

const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];

class CellValueConditionalFormatApi {
  readonly format: { fill: { color: string }; font: { color: string } };

  constructor(
    readonly context: RequestContext,
    private readonly entry: () => ConditionalFormat,
  ) {
    const queue = (label: string, apply: (format: ConditionalFormat) => void) =>
      context._enqueue(`CellValueConditionalFormat.${label}`, ACTION_BYTES, () => {
        apply(entry());
        context._workbook.touched();
      });
    const fill = context._wrap(
      {
        set color(color: string) {
          queue('format.fill.color', (format) => (format.fill = color.toUpperCase()));
        },
      } as { color: string },
      'ConditionalFill',
    );
    const font = context._wrap(
      {
        set color(color: string) {
          queue('format.font.color', (format) => (format.fontColor = color.toUpperCase()));
        },
      } as { color: string },
      'ConditionalFont',
    );
    this.format = context._wrap({ fill, font }, 'ConditionalRangeFormat');
  }

  set rule(rule: { formula1: string; formula2?: string; operator: string }) {
    this.context._enqueue('CellValueConditionalFormat.rule', ACTION_BYTES + jsonBytes(rule), () => {
      if (!OPERATORS.includes(rule.operator) || typeof rule.formula1 !== 'string')
        throw officeError('InvalidArgument', `conditional rule ${JSON.stringify(rule)}`);
      if (rule.operator !== 'GreaterThan' && rule.operator !== 'LessThan' && rule.operator !== 'EqualTo') {
        this.context._host.stats.gaps.push(`conditional operator ${rule.operator}`);
        throw new StandInGap(`[stand-in Excel] conditional operator ${rule.operator} is not implemented`);
      }
      const entry = this.entry();
      entry.operator = rule.operator;
      entry.formula1 = rule.formula1;
      this.context._workbook.touched();
    });
  }
}

class FormatProtectionApi {
  constructor(
    readonly context: RequestContext,
    private readonly range: RangeApi,
  ) {}

  set locked(on: boolean) {
    this.context._enqueue(
      'FormatProtection.locked',
      ACTION_BYTES,
      () => this.range._eachCell((cell) => (cell.locked = on)),
      on,
      () => this.range._e(),
    );
  }
}

class DataValidationApi {
  constructor(
    readonly context: RequestContext,
    private readonly range: RangeApi,
  ) {}

  clear(): void {
    this.context._enqueue(
      'DataValidation.clear',
      ACTION_BYTES,
      () => {
        const { sheet, rect } = this.range._e();
        sheet.validations = sheet.validations.filter((validation) => !intersects(validation.rect, rect));
      },
      undefined,
      () => this.range._e(),
    );
  }

  set rule(rule: { list?: { inCellDropDown?: boolean; source?: unknown }; custom?: { formula?: string } }) {
    const keys = Object.keys(rule ?? {});
    if (keys.length !== 1 || (keys[0] !== 'list' && keys[0] !== 'custom')) {
      this.context._host.stats.gaps.push(`DataValidation.rule ${keys.join(',')}`);
      throw new StandInGap(`[stand-in Excel] DataValidation.rule other than { list } or { custom } is not implemented (${keys.join(',')})`);
    }
    if (rule.custom) {
      const formula = rule.custom.formula;
      this.context._enqueue('DataValidation.rule', ACTION_BYTES + jsonBytes(formula ?? ''), () => {
        if (typeof formula !== 'string' || !formula.startsWith('=')) throw officeError('InvalidArgument', 'a custom rule is a formula');
        const { sheet, rect } = this.range._e();
        sheet.validations = sheet.validations.filter((validation) => !intersects(validation.rect, rect));
        sheet.validations.push({ rect: { ...rect }, custom: formula });
      });
      return;
    }
    const source = rule.list?.source;
    this.context._enqueue(
      'DataValidation.rule',
      ACTION_BYTES + (typeof source === 'string' ? jsonBytes(source) : OBJECT_PATH_BYTES),
      () => {
        const { sheet, rect } = this.range._e();
        let listSource: { sheet: Sheet; rect: Rect } | string;
        if (source instanceof RangeApi) listSource = source._e();
        else if (typeof source === 'string' && source.length <= 255) listSource = source;
        else throw officeError('InvalidArgument', 'a list source is a range or text of at most 255 characters');
        sheet.validations = sheet.validations.filter((validation) => !intersects(validation.rect, rect));
        sheet.validations.push({ rect: { ...rect }, list: { inCellDropDown: rule.list?.inCellDropDown !== false, source: listSource } });
      },
    );
  }

  set errorAlert(alert: unknown) {
    this.context._enqueue(
      'DataValidation.errorAlert',
      ACTION_BYTES + jsonBytes(alert),
      () => {
        const { sheet, rect } = this.range._e();
        for (const validation of sheet.validations) if (intersects(validation.rect, rect)) validation.errorAlert = alert;
      },
      alert,
      () => this.range._e(),
    );
  }
}

class RangeAreasApi {
  readonly areas: RangeCollectionApi;
  private worksheetApi: WorksheetApi | undefined;

  constructor(
    readonly context: RequestContext,
    private readonly resolve: () => { sheet: Sheet; areas: Rect[] },
  ) {
    let snapshot: { sheet: Sheet; areas: Rect[] } | undefined;
    const taken = () => (snapshot ??= resolve());
    context._enqueue('instantiate RangeAreas', OBJECT_PATH_BYTES, () => void taken());
    this.areas = context._wrap(
      new RangeCollectionApi(context, () => taken().areas.map((rect) => ({ sheet: taken().sheet, rect }))),
      'RangeCollection',
    );
    this.worksheetApi = newWorksheet(context, () => taken().sheet, false);
  }

  get worksheet(): WorksheetApi {
    return this.worksheetApi!;
  }
}

/** Collections load their items with "items/prop" names. */
function itemNames(spec: unknown, typeName: string, host: ExcelHost, allowed: readonly string[]): string[] {
  const names = loadNames(spec, typeName, host);
  return names.map((name) => {
    const bare = name.replace(/^items\//, '');
    if (!name.startsWith('items/') || !allowed.includes(bare)) {
      host.stats.gaps.push(`${typeName}.load('${name}')`);
      throw new StandInGap(`[stand-in Excel] ${typeName}.load('${name}') is not implemented by the stand-in host`);
    }
    return bare;
  });
}

class RangeCollectionApi {
  private loadedItems: RangeApi[] | undefined;

  constructor(
    readonly context: RequestContext,
    private readonly resolve: () => RangeRef[],
  ) {}

  load(spec?: unknown): this {
    const names = itemNames(spec, 'RangeCollection', this.context._host, ['rowIndex', 'rowCount', 'columnIndex', 'columnCount', 'address']);
    this.context._enqueue('RangeCollection.load', ACTION_BYTES, (request) => {
      const items = this.resolve().map((ref) => {
        const range = newRange(this.context, () => ref)._resolved(ref);
        for (const name of names) range._setLoaded(name, (range as unknown as { _read(name: string): unknown })._read(name));
        return range;
      });
      request.responseBytes += items.length * 40;
      request.commits.push(() => (this.loadedItems = items));
    });
    return this;
  }

  get items(): RangeApi[] {
    if (!this.loadedItems) notLoaded('RangeCollection', 'items');
    return this.loadedItems;
  }
}

// ---- Notes and comments

/** What a method such as getCount answers: its value readable once the request that asked ran. */
class ClientResultApi<T> {
  private loaded = false;
  private result: T | undefined;

  _set(value: T): void {
    this.loaded = true;
    this.result = value;
  }

  get value(): T {
    if (!this.loaded) notLoaded('ClientResult', 'value');
    return this.result as T;
  }
}

/** `getCount()` of a collection, counted when the request runs. */
function countOf(context: RequestContext, label: string, count: () => number): ClientResultApi<number> {
  const result = context._wrap(new ClientResultApi<number>(), 'ClientResult');
  context._enqueue(label, ACTION_BYTES, (request) => {
    const value = count();
    request.responseBytes += 8;
    request.commits.push(() => result._set(value));
  });
  return result;
}

/** The item at `index` of a list, found where the call sits in the queue (a later delete does not move it). */
function itemAt<T>(context: RequestContext, typeName: string, index: number, items: () => readonly T[]): () => T | undefined {
  let found: T | undefined;
  context._enqueue(`instantiate ${typeName}`, OBJECT_PATH_BYTES, () => {
    const list = items();
    if (!Number.isInteger(index) || index < 0 || index >= list.length) throw officeError('ItemNotFound', `${typeName} at ${index}`);
    found = list[index];
  });
  return () => found;
}

class NoteCollectionApi {
  private loadedItems: NoteApi[] | undefined;

  constructor(
    readonly context: RequestContext,
    private readonly sheet: WorksheetApi,
  ) {}

  load(spec?: unknown): this {
    const names = itemNames(spec, 'NoteCollection', this.context._host, ['content']);
    this.context._enqueue('NoteCollection.load', ACTION_BYTES, (request) => {
      const sheet = this.sheet._e();
      const items = sheet.notes.map((note) => {
        const api = this.context._wrap(new NoteApi(this.context, note, sheet), 'Note');
        if (names.includes('content')) api._setLoaded('content', note.content);
        return api;
      });
      request.responseBytes += jsonBytes(sheet.notes.map((note) => note.content));
      request.commits.push(() => (this.loadedItems = items));
    });
    return this;
  }

  get items(): NoteApi[] {
    if (!this.loadedItems) notLoaded('NoteCollection', 'items');
    return this.loadedItems;
  }

  getCount(): ClientResultApi<number> {
    return countOf(this.context, 'NoteCollection.getCount', () => this.sheet._e().notes.length);
  }

  getItemAt(index: number): NoteApi {
    const found = itemAt(this.context, 'Note', index, () => this.sheet._e().notes);
    return this.context._wrap(new NoteApi(this.context, found, undefined, this.sheet), 'Note');
  }

  /** The note on a cell ("B7"), ItemNotFound when it has none. */
  getItem(key: string): NoteApi {
    return this.context._wrap(new NoteApi(this.context, this.onCell(key, false), undefined, this.sheet), 'Note');
  }

  /** The note on a cell, or a null object (isNullObject after the sync; its properties stay unloaded). */
  getItemOrNullObject(key: string): NoteApi {
    return this.context._wrap(new NoteApi(this.context, this.onCell(key, true), undefined, this.sheet, true), 'Note');
  }

  private onCell(key: string, nullable: boolean): () => Note | undefined {
    let found: Note | undefined;
    this.context._enqueue(`instantiate Note`, OBJECT_PATH_BYTES + jsonBytes(key), () => {
      const { row, column } = parseAddress(key);
      found = this.sheet._e().notes.find((note) => note.row === row && note.column === column);
      if (!found && !nullable) throw officeError('ItemNotFound', `no note on ${key}`);
    });
    return () => found;
  }

  add(cellAddress: RangeApi | string, content: string): NoteApi {
    let created: Note | undefined;
    this.context._enqueue(
      'NoteCollection.add',
      ACTION_BYTES + jsonBytes(content) + (typeof cellAddress === 'string' ? jsonBytes(cellAddress) : 0),
      () => {
        const sheet = this.sheet._e();
        const { rect, sheet: cellSheet } = cellAddress instanceof RangeApi ? cellAddress._e() : { sheet, rect: parseAddress(cellAddress) };
        if (cellSheet !== sheet) throw officeError('InvalidArgument', 'the cell is on another sheet');
        if (rect.rows !== 1 || rect.columns !== 1) throw officeError('InvalidArgument', 'a note goes on one cell');
        if (sheet.notes.some((note) => note.row === rect.row && note.column === rect.column))
          throw officeError('InvalidOperation', 'the cell already has a note');
        if (typeof content !== 'string') throw officeError('InvalidArgument', 'a note is text');
        created = { id: `note-${rect.row}-${rect.column}-${sheet.notes.length}`, row: rect.row, column: rect.column, content };
        sheet.notes.push(created);
        this.context._workbook.touched();
      },
      content,
      () => (cellAddress instanceof RangeApi ? cellAddress._e() : { sheet: this.sheet._e(), rect: parseAddress(cellAddress) }),
    );
    const sheet = this.sheet;
    return this.context._wrap(new NoteApi(this.context, () => created, undefined, sheet), 'Note');
  }
}

class NoteApi extends ClientObject {
  private nullNow: boolean | undefined;

  constructor(
    context: RequestContext,
    private readonly note: Note | (() => Note | undefined),
    private readonly sheetModel: Sheet | undefined,
    private readonly sheetApi?: WorksheetApi,
    private readonly nullable = false,
  ) {
    super(context, 'Note');
    if (nullable) {
      context._enqueue('instantiate Note?', 0, (request) => {
        const isNull = typeof note === 'function' ? note() === undefined : false;
        request.commits.push(() => (this.nullNow = isNull));
      });
    }
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullNow === undefined) notLoaded('Note', 'isNullObject');
    return this.nullNow;
  }

  override load(spec?: unknown): this {
    if (!this.nullable) return super.load(spec);
    // A null note's properties stay unloaded; the sync itself does not fail.
    const names = loadNames(spec, 'Note', this.context._host);
    this.context._enqueue('Note.load', ACTION_BYTES, (request) => {
      const note = typeof this.note === 'function' ? this.note() : this.note;
      if (!note) return;
      request.responseBytes += jsonBytes(note.content);
      request.commits.push(() => {
        for (const name of names) this._setLoaded(name, note.content);
      });
    });
    return this;
  }

  protected override _loadable(): readonly string[] {
    return ['content'];
  }

  protected override _read(): unknown {
    return this.model().content;
  }

  private model(): Note {
    const note = typeof this.note === 'function' ? this.note() : this.note;
    const sheet = this.sheet();
    if (!note || !sheet.notes.includes(note)) throw officeError('ItemNotFound', 'note');
    return note;
  }

  private sheet(): Sheet {
    if (this.sheetModel) return this.sheetModel;
    return this.sheetApi!._e();
  }

  get content(): string {
    return this._get('content');
  }

  protected override _where(): RangeRef {
    const note = this.model();
    return { sheet: this.sheet(), rect: { row: note.row, column: note.column, rows: 1, columns: 1 } };
  }

  getLocation(): RangeApi {
    return newRange(this.context, () => {
      const note = this.model();
      return { sheet: this.sheet(), rect: { row: note.row, column: note.column, rows: 1, columns: 1 } };
    });
  }

  delete(): void {
    this._queue('delete()', undefined, () => {
      const note = this.model();
      const sheet = this.sheet();
      sheet.notes = sheet.notes.filter((candidate) => candidate !== note);
      this.context._workbook.touched();
    });
  }
}

class CommentCollectionApi {
  private loadedItems: CommentApi[] | undefined;

  constructor(readonly context: RequestContext) {}

  load(spec?: unknown): this {
    const names = itemNames(spec, 'CommentCollection', this.context._host, ['content']);
    this.context._enqueue('CommentCollection.load', ACTION_BYTES, (request) => {
      const workbook = this.context._workbook;
      const items = workbook.comments.map((comment) => {
        const api = this.context._wrap(new CommentApi(this.context, comment), 'Comment');
        if (names.includes('content')) api._setLoaded('content', comment.content);
        return api;
      });
      request.responseBytes += jsonBytes(workbook.comments.map((comment) => comment.content));
      request.commits.push(() => (this.loadedItems = items));
    });
    return this;
  }

  get items(): CommentApi[] {
    if (!this.loadedItems) notLoaded('CommentCollection', 'items');
    return this.loadedItems;
  }

  getCount(): ClientResultApi<number> {
    return countOf(this.context, 'CommentCollection.getCount', () => this.context._workbook.comments.length);
  }

  getItemAt(index: number): CommentApi {
    const found = itemAt(this.context, 'Comment', index, () => this.context._workbook.comments);
    return this.context._wrap(new CommentApi(this.context, found), 'Comment');
  }

  add(cellAddress: RangeApi | string, content: string, contentType?: string): void {
    if (typeof cellAddress === 'string' || (contentType !== undefined && contentType !== 'Plain')) {
      this.context._host.stats.gaps.push('CommentCollection.add(address|Mention)');
      throw new StandInGap('[stand-in Excel] CommentCollection.add takes a Range and plain content in the stand-in');
    }
    this.context._enqueue(
      'CommentCollection.add',
      ACTION_BYTES + jsonBytes(content),
      () => {
        const { sheet, rect } = cellAddress._e();
        if (rect.rows !== 1 || rect.columns !== 1) throw officeError('InvalidArgument', 'a comment goes on one cell');
        const workbook = this.context._workbook;
        workbook.comments.push({ id: `comment-${workbook.comments.length + 1}`, sheet, row: rect.row, column: rect.column, content });
        workbook.touched();
      },
      content,
      () => cellAddress._e(),
    );
  }
}

class CommentApi extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly item: Comment | (() => Comment | undefined),
  ) {
    super(context, 'Comment');
  }

  /** The comment (one of getItemAt is known once its request found it). */
  private get comment(): Comment {
    const comment = typeof this.item === 'function' ? this.item() : this.item;
    if (!comment) throw officeError('ItemNotFound', 'comment');
    return comment;
  }

  protected override _loadable(): readonly string[] {
    return ['content'];
  }

  protected override _read(): unknown {
    return this.comment.content;
  }

  get content(): string {
    return this._get('content');
  }

  getLocation(): RangeApi {
    return newRange(this.context, () => {
      if (!this.context._workbook.comments.includes(this.comment)) throw officeError('ItemNotFound', 'comment');
      return { sheet: this.comment.sheet, rect: { row: this.comment.row, column: this.comment.column, rows: 1, columns: 1 } };
    });
  }

  delete(): void {
    this._queue('delete()', undefined, () => {
      const workbook = this.context._workbook;
      if (!workbook.comments.includes(this.comment)) throw officeError('ItemNotFound', 'comment');
      workbook.comments = workbook.comments.filter((candidate) => candidate !== this.comment);
      workbook.touched();
    });
  }
}

// ---- Settings

class SettingCollectionApi {
  constructor(readonly context: RequestContext) {}

  add(key: string, value: unknown): SettingApi {
    const stored = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    this.context._enqueue('SettingCollection.add', ACTION_BYTES + jsonBytes(key) + jsonBytes(stored), () => {
      if (typeof key !== 'string' || key === '') throw officeError('InvalidArgument', 'a setting needs a key');
      this.context._workbook.settings.set(key, stored);
    });
    return this.context._wrap(new SettingApi(this.context, key, false), 'Setting');
  }

  getItemOrNullObject(key: string): SettingApi {
    return this.context._wrap(new SettingApi(this.context, key, true), 'Setting');
  }
}

class SettingApi extends EntityObject<string> {
  constructor(context: RequestContext, key: string, nullable: boolean) {
    super(context, 'Setting', () => (context._workbook.settings.has(key) ? key : undefined), nullable);
  }

  protected override _loadable(): readonly string[] {
    return ['key', 'value'];
  }

  protected override _read(name: string): unknown {
    const key = this._e();
    return name === 'key' ? key : this.context._workbook.settings.get(key);
  }

  override load(spec?: unknown): this {
    // A null setting's properties stay unloaded; the sync itself does not fail.
    const names = loadNames(spec, 'Setting', this.context._host);
    for (const name of names) {
      if (!this._loadable().includes(name)) {
        this.context._host.stats.gaps.push(`Setting.load('${name}')`);
        throw new StandInGap(`[stand-in Excel] Setting.load('${name}') is not implemented`);
      }
    }
    this.context._enqueue('Setting.load', ACTION_BYTES, (request) => {
      if (this.isNullNow()) return;
      const values = names.map((name) => [name, this._read(name)] as const);
      request.responseBytes += jsonBytes(Object.fromEntries(values));
      request.commits.push(() => {
        for (const [name, value] of values) this._setLoaded(name, value);
      });
    });
    return this;
  }

  private isNullNow(): boolean {
    try {
      this._e();
      return false;
    } catch {
      return true;
    }
  }

  get key(): string {
    return this._get('key');
  }

  get value(): unknown {
    return this._get('value');
  }
}
