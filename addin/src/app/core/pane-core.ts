import type { CampaignSummary, StoredCampaign } from '#shared/api/index';
import type { Issue } from '#shared/issues';
import type { Person, Unit } from '#shared/org';
import { mayWriteNominations } from '#shared/policy/nominations';
import type { ColumnDef, SheetContext } from '#shared/sheet/columns';
import { IdempotencyMemory, type ApiClient } from '#addin/api/index';
import type { KeyValueStorage, TokenProvider } from '#addin/auth/token-provider';
import type { ExcelGateway } from '#addin/excel/gateway';
import { loadLanguage, localized } from '#addin/i18n/index';
import type { ConflictEntry } from '#addin/app/load/merge';
import { describeError, isSignInProblem } from './pane-errors';
import type { PaneDeps, PaneState } from './pane-types';
import { createMutex, realTimers, type Timers } from './scheduling';

/**
 * What every part of the controller shares: its dependencies, the state the UI reads, what the pane
 * remembers of the campaign and the sheet, and the one-at-a-time rule for everything that touches the
 * sheet. Each part (session, load, save, autosave, conflicts, role actions) takes this and nothing else.
 */

export const AUTOSAVE_STORAGE_KEY = 'thidua.autosave';

/** What the pane knows of the user's world and of the sheet, between calls. */
export interface PaneMemory {
  units: Unit[];
  people: Person[];
  /** Every campaign's summary, for the picker. */
  campaigns: CampaignSummary[];
  /** The campaign in use, whole (the list holds summaries only). */
  campaign?: StoredCampaign;
  /** The campaign in use and its columns (set by campaign.ts). */
  ctx?: SheetContext;
  columns: ColumnDef[];
  /** The ids the sheet held after the last load or save; undefined until read from the workbook. */
  knownIds?: string[];
  /** id → body row index, as last read or written: where an issue's cell is. */
  rowIds: Map<string, number>;
  /** id → the nominee as typed, for the issue list. */
  labels: Map<string, string>;
  reportIssues: Issue[];
  conflicts: Map<string, ConflictEntry>;
  /** The version the server last gave each id (for deletes). */
  versions: Map<string, number>;
  /** Saved rows whose result columns show a save's refusal or problem, not their findings (save-results.ts). */
  marked: Set<string>;
  /**
   * The fingerprints of unsaved rows whose result columns already hold the pane's latest word on them
   * (a refusal, a problem, a hint): hints leave them alone until they are edited again.
   */
  answered: Set<string>;
}

/** The state the UI reads; every change stamps the gateway's sync count and tells the listeners. */
export interface StateStore {
  readonly state: PaneState;
  set(patch: Partial<PaneState>): void;
  subscribe(listener: () => void): () => void;
  clearListeners(): void;
}

export interface PaneCore {
  gateway: ExcelGateway;
  api: ApiClient;
  tokens: TokenProvider;
  storage: KeyValueStorage | undefined;
  now: () => Date;
  timers: Timers;
  random: () => number;
  newSessionId: () => string;
  deleteConcurrency: number;
  autosaveDelayMs: number | undefined;
  /** The idempotency keys of save batches not yet answered, kept across retries. */
  keys: IdempotencyMemory;
  store: StateStore;
  memory: PaneMemory;
  /** Runs `fn` after every other sheet operation has finished (loads, saves, actions). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Counts the promise among the operations `idle()` waits for. */
  track<T>(promise: Promise<T>): Promise<T>;
  idle(): Promise<void>;
  signedIn(): boolean;
  mayWrite(): boolean;
  /** Shows a failure; a lost session signs the pane out and asks to sign in again. */
  fail(error: unknown): void;
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function readAutosave(storage: KeyValueStorage | undefined): boolean {
  try {
    return storage?.getItem(AUTOSAVE_STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

function createStateStore(initial: PaneState, syncCount: () => number): StateStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get state() {
      return state;
    },
    set(patch) {
      state = { ...state, ...patch, syncCount: syncCount() };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clearListeners: () => listeners.clear(),
  };
}

export function createPaneCore(deps: PaneDeps): PaneCore {
  const { gateway, tokens, storage } = deps;
  const store = createStateStore(
    {
      language: loadLanguage(storage),
      auth: { kind: tokens.kind, status: 'checking', devUsers: [] },
      campaigns: [],
      sheet: 'none',
      busy: false,
      saving: false,
      autosave: readAutosave(storage),
      canSave: false,
      unsavedRows: 0,
      edited: false,
      syncCount: gateway.syncCount,
      quota: [],
      issues: [],
      issueCounts: { errors: 0, warnings: 0 },
      conflicts: [],
      actions: [],
    },
    () => gateway.syncCount,
  );
  let pending: Promise<unknown> = Promise.resolve();

  return {
    gateway,
    api: deps.api,
    tokens,
    storage,
    now: deps.now ?? (() => new Date()),
    timers: deps.timers ?? realTimers,
    random: deps.random ?? Math.random,
    newSessionId: deps.newSessionId ?? newId,
    deleteConcurrency: deps.deleteConcurrency ?? 4,
    autosaveDelayMs: deps.autosaveDelayMs,
    keys: new IdempotencyMemory(),
    store,
    memory: {
      units: [],
      people: [],
      campaigns: [],
      columns: [],
      rowIds: new Map(),
      labels: new Map(),
      reportIssues: [],
      conflicts: new Map(),
      versions: new Map(),
      marked: new Set(),
      answered: new Set(),
    },
    exclusive: createMutex(),
    track(promise) {
      pending = Promise.allSettled([pending, promise]);
      return promise;
    },
    async idle() {
      let seen: Promise<unknown> | undefined;
      while (seen !== pending) {
        seen = pending;
        await pending;
      }
    },
    signedIn: () => store.state.auth.status === 'signed-in' && store.state.user !== undefined,
    mayWrite: () => store.state.user !== undefined && mayWriteNominations(store.state.user),
    fail(error) {
      if (isSignInProblem(error)) {
        store.set({ auth: { ...store.state.auth, status: 'signed-out' }, error: localized('signIn.required') });
        return;
      }
      store.set({ error: describeError(error) });
    },
  };
}
