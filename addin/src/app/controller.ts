import type { SaveBatchResult, StoredCampaign } from '../../../shared/api-types';
import type { Issue } from '../../../shared/issues';
import type { Language, Localized } from '../../../shared/localized';
import type { Person, Unit, User } from '../../../shared/org';
import { mayWriteNominations } from '../../../shared/permissions';
import type { QuotaUsage } from '../../../shared/rules/quota';
import { SEED_CAMPAIGN } from '../../../shared/seed/campaign-2025';
import { buildColumns, type ColumnDef, type SheetContext } from '../../../shared/sheet/columns';
import { ExcelFailure, type ExcelGateway } from '../excel/gateway';
import { IdempotencyMemory, isApiRequestError, type ApiClient, type ApiRequestError } from '../api/index';
import { AuthError, type DevUser, type KeyValueStorage, type TokenProvider } from '../auth/token-provider';
import { loadLanguage, localized, saveLanguage } from '../i18n/index';
import { conflictView, isFullNomination, type ConflictView } from './conflicts';
import { decodeKnownIds, encodeKnownIds, sameIds } from './known-ids';
import { mergeLoad, serverRow, type ConflictEntry } from './merge';
import { groupIssues, issueCell, issueCounts, quotaRows, type IssueGroup, type IssueItem, type QuotaRow } from './panels';
import { actionPatch, availableActions, type RoleActionId } from './role-actions';
import { issueContent } from './row-content';
import { bookkeepingClears, buildWrites, type SendOutcome } from './save-results';
import { asNewRow, planSave, type PatchInput, type RowPatch, type SendRow } from './save-plan';
import { createDebouncer, createMutex, createSerialRunner, mapLimit, realTimers, saveRetryDelay, type Timers } from './scheduling';
import { cellText, withCells } from './sheet';

export type Progress =
  | { phase: 'reading' }
  | { phase: 'loading'; done: number }
  | { phase: 'sending'; done: number; total: number; chunk: number; chunks: number }
  | { phase: 'deleting'; done: number; total: number }
  | { phase: 'writing' };

export interface LastSave {
  /** ISO time. */
  at: string;
  saved: number;
  conflicts: number;
  refused: number;
  deleted: number;
  errors: number;
  warnings: number;
}

export interface PaneState {
  language: Language;
  auth: {
    kind: TokenProvider['kind'];
    status: 'checking' | 'signed-out' | 'signing-in' | 'signed-in';
    devUsers: DevUser[];
    error?: Localized;
  };
  user?: User;
  userUnitName?: string;
  campaigns: { id: string; title: string }[];
  campaignId?: string;
  /** none: no sheet read yet; other-campaign: the workbook's sheet belongs to another campaign. */
  sheet: 'none' | 'ready' | 'other-campaign';
  /** A load or a role action is running. */
  busy: boolean;
  saving: boolean;
  autosave: boolean;
  /** The role may write nominations (not a viewer). */
  canSave: boolean;
  progress?: Progress;
  /** Rows the last read or save left unsaved (new, changed, conflicting, refused, with problems). */
  unsavedRows: number;
  /** The user edited the sheet since the last save. */
  edited: boolean;
  lastSave?: LastSave;
  /** context.sync calls so far, and in the last save (read, re-read, write). */
  syncCount: number;
  lastSaveSyncs?: number;
  retry?: { attempt: number; delayMs: number };
  quota: QuotaRow[];
  issues: IssueGroup[];
  issueCounts: { errors: number; warnings: number };
  conflicts: ConflictView[];
  actions: RoleActionId[];
  notice?: Localized;
  error?: Localized;
}

export interface PaneActions {
  signIn(email?: string): Promise<void>;
  signOut(): Promise<void>;
  selectCampaign(campaignId: string): Promise<void>;
  /** "Mở bảng tổng hợp": lays out the sheet and loads the campaign's nominations into it. */
  openSheet(): Promise<void>;
  save(): Promise<void>;
  setAutosave(on: boolean): void;
  setLanguage(language: Language): void;
  refreshReport(): Promise<void>;
  selectIssue(item: Pick<IssueItem, 'nominationId' | 'field'>): Promise<void>;
  keepMine(nominationId: string): Promise<void>;
  takeTheirs(nominationId: string): Promise<void>;
  submitUnitRows(): Promise<void>;
  returnSelected(reason: string): Promise<void>;
  markSelectedEligible(): Promise<void>;
  dismiss(): void;
}

/** What the UI needs: the state, a way to hear of changes, and the actions. */
export interface PaneStore {
  getState(): PaneState;
  subscribe(listener: () => void): () => void;
  actions: PaneActions;
}

export interface PaneController extends PaneStore {
  /** Signs in silently if it can, loads the user's world and scans the sheet for unsaved rows. */
  start(): Promise<void>;
  dispose(): Promise<void>;
  /** Resolves when every queued sheet operation (saves included) has finished: for tests and shutdown. */
  idle(): Promise<void>;
}

export interface PaneDeps {
  gateway: ExcelGateway;
  api: ApiClient;
  tokens: TokenProvider;
  /** localStorage in the pane: the language and the autosave preference. */
  storage?: KeyValueStorage;
  now?: () => Date;
  timers?: Timers;
  random?: () => number;
  autosaveDelayMs?: number;
  deleteConcurrency?: number;
  newSessionId?: () => string;
}

export const AUTOSAVE_STORAGE_KEY = 'thidua.autosave';
const AUTOSAVE_DELAY_MS = 2500;
/** Rows the server refused one by one (403/422 naming a row) before a save gives up on the rest. */
const MAX_SEND_ROUNDS = 25;
const ROW_REFUSALS = new Set(['FORBIDDEN', 'FORBIDDEN_UNIT', 'FORBIDDEN_STATUS', 'INVALID_TRANSITION', 'RETURN_REASON_MISSING']);

function detail(error: ApiRequestError, key: string): unknown {
  return typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>)[key] : undefined;
}

function isSignInProblem(error: unknown): boolean {
  if (error instanceof AuthError) return error.code === 'SIGN_IN_REQUIRED';
  return isApiRequestError(error) && (error.code === 'SIGN_IN_REQUIRED' || error.code === 'UNAUTHENTICATED');
}

export function describeError(error: unknown): Localized {
  if (isApiRequestError(error)) return error.localized;
  if (error instanceof AuthError) return error.localized;
  if (error instanceof ExcelFailure) return error.userMessage;
  return localized('error.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * The pane's controller: composes the Excel gateway, the API client and the token provider into the
 * pane's state and actions. Plain TS; React reads it through `usePaneController`.
 */
export function createPaneController(deps: PaneDeps): PaneController {
  const { gateway, api, tokens, storage } = deps;
  const now = deps.now ?? (() => new Date());
  const timers = deps.timers ?? realTimers;
  const random = deps.random ?? Math.random;
  const newSessionId = deps.newSessionId ?? newId;
  const deleteConcurrency = deps.deleteConcurrency ?? 4;
  const keys = new IdempotencyMemory();
  const exclusive = createMutex();

  let state: PaneState = {
    language: loadLanguage(storage),
    auth: { kind: tokens.kind, status: 'checking', devUsers: [] },
    campaigns: [],
    sheet: 'none',
    busy: false,
    saving: false,
    autosave: readAutosave(),
    canSave: false,
    unsavedRows: 0,
    edited: false,
    syncCount: gateway.syncCount,
    quota: [],
    issues: [],
    issueCounts: { errors: 0, warnings: 0 },
    conflicts: [],
    actions: [],
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<PaneState>) => {
    state = { ...state, ...patch, syncCount: gateway.syncCount };
    for (const listener of listeners) listener();
  };

  let units: Unit[] = [];
  let people: Person[] = [];
  let campaigns: StoredCampaign[] = [];
  let ctx: SheetContext | undefined;
  let columns: ColumnDef[] = [];
  let knownIds: string[] | undefined;
  let rowIds = new Map<string, number>();
  let labels = new Map<string, string>();
  let reportIssues: Issue[] = [];
  const conflicts = new Map<string, ConflictEntry>();
  const versions = new Map<string, number>();
  let unsubscribeEdits: (() => Promise<void>) | undefined;
  let retryAttempt = 0;
  let retryHandle: unknown;
  let pending: Promise<unknown> = Promise.resolve();
  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending = Promise.allSettled([pending, promise]);
    return promise;
  };

  function readAutosave(): boolean {
    try {
      return storage?.getItem(AUTOSAVE_STORAGE_KEY) !== 'off';
    } catch {
      return true;
    }
  }

  const signedIn = () => state.auth.status === 'signed-in' && state.user !== undefined;
  const mayWrite = () => state.user !== undefined && mayWriteNominations(state.user);

  function fail(error: unknown) {
    if (isSignInProblem(error)) {
      set({ auth: { ...state.auth, status: 'signed-out' }, error: localized('signIn.required') });
      return;
    }
    set({ error: describeError(error) });
  }

  function publishConflicts() {
    if (!ctx) return;
    const context = ctx;
    set({ conflicts: [...conflicts.values()].map((entry) => conflictView(entry, columns, context)) });
  }

  function publishReport(issues: Issue[], quotaUsage?: QuotaUsage[]) {
    reportIssues = issues;
    const patch: Partial<PaneState> = { issues: groupIssues(issues, labels), issueCounts: issueCounts(issues) };
    if (quotaUsage && ctx) patch.quota = quotaRows(quotaUsage, ctx.campaign, units);
    set(patch);
  }

  // ---- Autosave and retries

  const debouncer = createDebouncer(deps.autosaveDelayMs ?? AUTOSAVE_DELAY_MS, () => void requestSave().catch(() => undefined), timers);
  const saveRunner = createSerialRunner(() => exclusive(() => runSave()));

  function requestSave(): Promise<void> {
    debouncer.cancel();
    return track(saveRunner.run());
  }

  function cancelRetry() {
    if (retryHandle !== undefined) timers.clearTimeout(retryHandle);
    retryHandle = undefined;
  }

  function scheduleRetry() {
    cancelRetry();
    const delayMs = saveRetryDelay(retryAttempt, random);
    retryAttempt += 1;
    set({ retry: { attempt: retryAttempt, delayMs } });
    retryHandle = timers.setTimeout(() => {
      retryHandle = undefined;
      void requestSave().catch(() => undefined);
    }, delayMs);
  }

  function onUserEdit() {
    set({ edited: true });
    if (state.autosave && mayWrite() && signedIn() && state.sheet === 'ready') debouncer.poke();
  }

  async function watchEdits() {
    unsubscribeEdits ??= await gateway.onUserEdit(onUserEdit);
  }

  // ---- Sign-in and the campaign

  async function afterSignIn() {
    set({ auth: { ...state.auth, status: 'signed-in' }, error: undefined });
    try {
      const [user, campaignList, unitList, personList] = await Promise.all([api.me(), api.campaigns(), api.units(), api.people()]);
      units = unitList;
      people = personList;
      campaigns = campaignList;
      set({
        user,
        userUnitName: user.unitId ? (units.find((unit) => unit.id === user.unitId)?.name ?? user.unitId) : undefined,
        campaigns: campaigns.map((campaign) => ({ id: campaign.id, title: campaign.title })),
        actions: availableActions(user),
        canSave: mayWriteNominations(user),
      });
      const chosen = campaigns.find((campaign) => campaign.id === SEED_CAMPAIGN.id) ?? campaigns[0];
      if (chosen) await useCampaign(chosen.id, true);
    } catch (error) {
      fail(error);
    }
  }

  async function useCampaign(campaignId: string, scan: boolean) {
    const campaign = campaigns.find((candidate) => candidate.id === campaignId);
    if (!campaign) return;
    // After any save in flight: it writes with the columns of the campaign it read.
    await exclusive(async () => {
      ctx = { campaign, units, people };
      columns = buildColumns(ctx);
      knownIds = undefined;
      conflicts.clear();
      versions.clear();
      set({ campaignId, conflicts: [], quota: [], issues: [], issueCounts: { errors: 0, warnings: 0 } });
    });
    void track(refreshReport());
    if (scan) await exclusive(scanSheet);
  }

  /** On opening: the sheet as it is, and how many of its rows are not saved (they survive a closed pane). */
  async function scanSheet() {
    if (!ctx || !state.campaignId) return;
    try {
      const snapshot = await gateway.readRows(columns);
      const stored = decodeKnownIds(await gateway.readKnownIds());
      if (stored.campaignId && stored.campaignId !== state.campaignId) {
        set({ sheet: 'other-campaign', notice: localized('error.otherCampaign', { campaign: stored.campaignId }) });
        return;
      }
      knownIds = stored.ids;
      const plan = planSave({ rows: snapshot.rows, columns, ctx, knownIds, language: state.language });
      rowIds = plan.rowIds;
      labels = plan.labels;
      const unsaved = plan.sends.length + plan.held.length;
      set({
        sheet: 'ready',
        unsavedRows: unsaved,
        edited: false,
        ...(unsaved + plan.deletes.length > 0 ? { notice: localized('notice.unsavedOnOpen', { n: unsaved + plan.deletes.length }) } : {}),
      });
      if (reportIssues.length > 0) publishReport(reportIssues);
      await watchEdits();
      if (unsaved + plan.deletes.length > 0 && state.autosave && mayWrite()) void requestSave().catch(() => undefined);
    } catch {
      // No sheet yet (or Excel refused the read): "Mở bảng tổng hợp" creates it.
      set({ sheet: 'none' });
    }
  }

  async function refreshReport() {
    const campaignId = state.campaignId;
    if (!campaignId || !signedIn()) return;
    try {
      const report = await api.validationReport(campaignId);
      if (state.campaignId === campaignId) publishReport(report.issues, report.quotaUsage);
    } catch (error) {
      fail(error);
    }
  }

  // ---- Load

  async function openSheet() {
    if (!ctx || !state.campaignId || !signedIn()) return;
    const campaignId = state.campaignId;
    const context = ctx;
    set({ busy: true, error: undefined, notice: undefined, progress: { phase: 'loading', done: 0 } });
    try {
      await gateway.ensureSheet(columns);
      const [nominations, report] = await Promise.all([
        api.listNominations(campaignId, { onProgress: ({ loaded }) => set({ progress: { phase: 'loading', done: loaded } }) }),
        api.validationReport(campaignId),
      ]);
      set({ progress: { phase: 'writing' } });
      const snapshot = await gateway.readRows(columns);
      const stored = decodeKnownIds(await gateway.readKnownIds());
      let rows = snapshot.rows;
      if (stored.campaignId && stored.campaignId !== campaignId) {
        // Another campaign's sheet: replaced, unless it holds edits not yet saved there.
        const plan = planSave({ rows, columns, ctx: context, knownIds: stored.ids, language: state.language });
        const unsaved = plan.sends.length + plan.held.length;
        if (unsaved > 0) {
          set({ error: localized('error.otherCampaignUnsaved', { n: unsaved, campaign: stored.campaignId }) });
          return;
        }
        rows = [];
      }
      const merged = mergeLoad({ rows, columns, ctx: context, nominations, issues: report.issues, language: state.language });
      await gateway.replaceRows(columns, merged.writes);
      knownIds = merged.knownIds;
      await gateway.writeKnownIds(encodeKnownIds(campaignId, knownIds));
      versions.clear();
      for (const nomination of nominations) versions.set(nomination.id, nomination.version);
      conflicts.clear();
      for (const entry of merged.conflicts) conflicts.set(entry.id, entry);
      rowIds = merged.rowIds;
      labels = merged.labels;
      publishReport(report.issues, report.quotaUsage);
      publishConflicts();
      const notice = merged.dropped > 0 ? localized('notice.staleRows', { n: merged.dropped }) : localized('notice.loaded', { n: nominations.length });
      set({ sheet: 'ready', unsavedRows: merged.unsaved, edited: false, notice });
      await watchEdits();
      if (merged.unsaved > 0 && state.autosave && mayWrite()) void requestSave().catch(() => undefined);
    } catch (error) {
      fail(error);
    } finally {
      set({ busy: false, progress: undefined });
    }
  }

  // ---- Save

  interface SendResult {
    outcomes: Map<string, SendOutcome>;
    quotaUsage?: QuotaUsage[];
    failure?: ApiRequestError;
    converted: Set<string>;
  }

  /**
   * Sends the rows (in parts, by the client). A row the server refuses for the role (403/422 naming it)
   * is kept back and the rest sent again; a row whose id the server does not know goes again as new.
   */
  async function sendRows(campaignId: string, sends: readonly SendRow[]): Promise<SendResult> {
    const outcomes = new Map<string, SendOutcome>();
    const converted = new Set<string>();
    let quotaUsage: QuotaUsage[] | undefined;
    let toSend = [...sends];
    const total = sends.length;
    const record = (result: SaveBatchResult) => {
      for (const row of result.rows) if (row.rowKey !== undefined) outcomes.set(row.rowKey, { kind: 'answered', result: row });
      if (result.rows.length > 0) quotaUsage = result.quotaUsage;
    };
    for (let round = 0; toSend.length > 0 && round < MAX_SEND_ROUNDS; round += 1) {
      const done = outcomes.size;
      try {
        record(
          await api.saveChanges(
            campaignId,
            toSend.map((send) => send.change),
            {
              keys,
              sessionId: newSessionId(),
              onProgress: (progress) =>
                set({ progress: { phase: 'sending', done: Math.min(total, done + progress.sentRows), total, chunk: progress.chunk, chunks: progress.chunks } }),
            },
          ),
        );
        toSend = [];
      } catch (error) {
        if (!isApiRequestError(error)) throw error;
        if (error.partial) record(error.partial);
        toSend = toSend.filter((send) => !outcomes.has(send.rowKey));
        const rowKey = detail(error, 'rowKey');
        if (ROW_REFUSALS.has(String(error.code)) && typeof rowKey === 'string' && toSend.some((send) => send.rowKey === rowKey)) {
          outcomes.set(rowKey, { kind: 'rejected', rejection: { code: String(error.code), message: error.localized } });
          toSend = toSend.filter((send) => send.rowKey !== rowKey);
          continue;
        }
        const missing = error.code === 'NOMINATION_NOT_FOUND' ? new Set((detail(error, 'ids') as string[] | undefined) ?? []) : new Set<string>();
        if (toSend.some((send) => send.change.id !== undefined && missing.has(send.change.id))) {
          toSend = toSend.map((send) => {
            if (send.change.id === undefined || !missing.has(send.change.id)) return send;
            converted.add(send.change.id);
            return asNewRow(send);
          });
          continue;
        }
        return { outcomes, ...(quotaUsage ? { quotaUsage } : {}), failure: error, converted };
      }
    }
    return { outcomes, ...(quotaUsage ? { quotaUsage } : {}), converted };
  }

  interface DeleteResult {
    deleted: string[];
    /** Network trouble: kept among the known ids, tried again with the next save. */
    retry: string[];
    failed: { id: string; message: Localized }[];
    conflicts: string[];
  }

  async function deleteRows(campaignId: string, ids: readonly string[]): Promise<DeleteResult> {
    const result: DeleteResult = { deleted: [], retry: [], failed: [], conflicts: [] };
    if (ids.length === 0) return result;
    let done = 0;
    set({ progress: { phase: 'deleting', done, total: ids.length } });
    await mapLimit(ids, deleteConcurrency, async (id) => {
      try {
        await api.deleteNomination(campaignId, id, versions.get(id));
        result.deleted.push(id);
      } catch (error) {
        if (!isApiRequestError(error)) throw error;
        const current = detail(error, 'current') as { deletedAt?: string } | undefined;
        if (error.code === 'NOMINATION_NOT_FOUND' || (error.code === 'VERSION_CONFLICT' && current?.deletedAt)) result.deleted.push(id);
        else if (error.code === 'VERSION_CONFLICT') result.conflicts.push(id);
        else if (error.retryable) result.retry.push(id);
        else result.failed.push({ id, message: error.localized });
      } finally {
        done += 1;
        set({ progress: { phase: 'deleting', done, total: ids.length } });
      }
    });
    for (const id of result.deleted) versions.delete(id);
    return result;
  }

  async function runSave(options: { patch?: (row: PatchInput) => RowPatch | undefined } = {}): Promise<void> {
    if (!ctx || !state.campaignId || !signedIn() || !mayWrite() || state.sheet === 'other-campaign') return;
    const campaignId = state.campaignId;
    const context = ctx;
    const language = state.language;
    const syncsBefore = gateway.syncCount;
    cancelRetry();
    debouncer.cancel();
    set({ saving: true, error: undefined, retry: undefined, progress: { phase: 'reading' } });
    let retryLater = false;
    try {
      const snapshot = await gateway.readRows(columns);
      if (knownIds === undefined) {
        const stored = decodeKnownIds(await gateway.readKnownIds());
        if (stored.campaignId && stored.campaignId !== campaignId) {
          set({ sheet: 'other-campaign', error: localized('error.otherCampaign', { campaign: stored.campaignId }) });
          return;
        }
        knownIds = stored.ids;
      }
      const known = knownIds;
      set({ edited: false });
      const plan = planSave({ rows: snapshot.rows, columns, ctx: context, knownIds: known, language, user: state.user!, ...(options.patch ? { patch: options.patch } : {}) });
      rowIds = plan.rowIds;
      labels = plan.labels;

      if (plan.sends.length === 0 && plan.deletes.length === 0) {
        if (plan.held.length > 0) {
          set({ progress: { phase: 'writing' } });
          await gateway.writeResults(columns, plan.held.map((row) => ({ rowIndex: row.rowIndex, ...row.content })));
        }
        set({ unsavedRows: plan.held.length, sheet: 'ready' });
        retryAttempt = 0;
        return;
      }

      const sent = await sendRows(campaignId, plan.sends);
      const deletion = await deleteRows(campaignId, plan.deletes);

      set({ progress: { phase: 'writing' } });
      const reread = await gateway.readRows(columns);
      const { writes, located, inexact } = buildWrites({
        sends: plan.sends,
        held: plan.held,
        outcomes: sent.outcomes,
        ...(sent.failure ? { failure: sent.failure } : {}),
        reread: reread.rows,
        rowCountBefore: snapshot.rows.length,
        columns,
        language,
      });
      const clears = bookkeepingClears(writes, reread.rows, columns);
      if (clears.length > 0) await gateway.writeResults(columns, clears);
      if (writes.length > 0) await gateway.writeResults(columns, writes);
      keys.forgetAnswered();

      // What the sheet now holds, for the next save to tell deleted rows.
      const answered = [...sent.outcomes.entries()].flatMap(([rowKey, outcome]) => (outcome.kind === 'answered' ? [{ rowKey, result: outcome.result }] : []));
      const savedIds = answered.flatMap(({ result }) => (result.outcome === 'saved' && result.id ? [result.id] : []));
      const nextKnown = [...new Set([...plan.presentIds.filter((id) => !sent.converted.has(id)), ...savedIds, ...deletion.retry])];
      if (!sameIds(nextKnown, known)) await gateway.writeKnownIds(encodeKnownIds(campaignId, nextKnown));
      knownIds = nextKnown;

      rowIds = new Map();
      reread.rows.forEach((values, index) => {
        const id = cellText(values, columns, 'id');
        if (id && !rowIds.has(id)) rowIds.set(id, index);
      });
      const sendsByKey = new Map(plan.sends.map((send) => [send.rowKey, send]));
      for (const { rowKey, result } of answered) {
        const send = sendsByKey.get(rowKey)!;
        const where = located.get(rowKey);
        if (result.outcome === 'saved' && result.id && result.version !== undefined) {
          versions.set(result.id, result.version);
          conflicts.delete(result.id);
          if (where !== undefined) rowIds.set(result.id, where);
          labels.set(result.id, cellText(send.cells, columns, 'nominee'));
        } else if (result.outcome === 'conflict' && result.id) {
          if (result.version !== undefined) versions.set(result.id, result.version);
          conflicts.set(result.id, { id: result.id, mine: send.cells, theirs: result.current ?? { id: result.id }, theirsVersion: result.version ?? 0 });
        }
      }
      publishConflicts();

      const count = (outcome: 'saved' | 'conflict' | 'refused') => answered.filter(({ result }) => result.outcome === outcome).length;
      const issues = answered.flatMap(({ result }) => result.issues);
      const rejected = [...sent.outcomes.values()].filter((outcome) => outcome.kind === 'rejected').length;
      const saved = count('saved');
      const lastSave: LastSave = {
        at: now().toISOString(),
        saved,
        conflicts: count('conflict'),
        refused: count('refused') + rejected,
        deleted: deletion.deleted.length,
        ...issueCounts(issues),
      };
      const patch: Partial<PaneState> = {
        lastSave,
        unsavedRows: plan.sends.length - saved + plan.held.length + inexact,
        sheet: 'ready',
      };
      if (sent.quotaUsage) patch.quota = quotaRows(sent.quotaUsage, context.campaign, units);
      if (deletion.failed.length > 0) patch.notice = localized('notice.deleteFailed', { n: deletion.failed.length }, { message: deletion.failed[0]!.message });
      if (deletion.conflicts.length > 0) patch.notice = localized('notice.deleteConflict', { id: deletion.conflicts.join(', ') });
      set(patch);

      if (sent.failure?.retryable) {
        retryLater = true;
        set({ error: sent.failure.localized });
      } else if (sent.failure) {
        fail(sent.failure);
      }
      if (deletion.retry.length > 0) retryLater = true;
      if (saved > 0 || deletion.deleted.length > 0) void track(refreshReport());
    } catch (error) {
      fail(error);
      retryLater = (isApiRequestError(error) && error.retryable) || error instanceof ExcelFailure;
    } finally {
      if (retryLater) scheduleRetry();
      else {
        retryAttempt = 0;
        set({ retry: undefined });
      }
      set({ saving: false, progress: undefined, lastSaveSyncs: gateway.syncCount - syncsBefore });
    }
  }

  // ---- Conflicts and role actions

  async function takeTheirs(id: string) {
    await track(
      exclusive(async () => {
        const entry = conflicts.get(id);
        if (!entry || !ctx || !isFullNomination(entry.theirs)) return;
        const snapshot = await gateway.readRows(columns);
        const rowIndex = snapshot.rows.findIndex((values) => cellText(values, columns, 'id') === id);
        conflicts.delete(id);
        if (rowIndex < 0) {
          publishConflicts();
          set({ notice: localized('notice.rowNotFound') });
          return;
        }
        const { cells, hash } = serverRow(entry.theirs, columns, ctx);
        const found = issueContent(reportIssues.filter((issue) => issue.nominationId === id), columns, state.language);
        await gateway.writeResults(columns, [
          { rowIndex, values: withCells(cells, columns, { messages: found.messages }), system: { id, version: entry.theirs.version, rowHash: hash }, ...found },
        ]);
        versions.set(id, entry.theirs.version);
        publishConflicts();
        set({ unsavedRows: Math.max(0, state.unsavedRows - 1) });
      }).catch(fail),
    );
  }

  async function keepMine(id: string) {
    const entry = conflicts.get(id);
    if (!entry) return;
    await track(
      exclusive(async () => {
        await runSave({ patch: ({ parsed }) => (parsed.id === id ? { version: entry.theirsVersion } : undefined) });
        if (conflicts.has(id) && !rowIds.has(id)) set({ notice: localized('notice.rowNotFound') });
      }),
    );
  }

  async function runAction(action: RoleActionId, reason?: string) {
    const user = state.user;
    if (!user || !state.actions.includes(action)) return;
    if (action === 'return' && !reason?.trim()) {
      set({ error: localized('actions.reasonRequired') });
      return;
    }
    await track(
      exclusive(async () => {
        set({ busy: true });
        try {
          const selected = action === 'submit' ? [] : await gateway.selectedRowIndexes();
          const { patch, stats } = actionPatch(action, user, { selected, ...(reason ? { reason } : {}) });
          await runSave({ patch });
          if (stats.matched === 0) set({ notice: localized('actions.noRows') });
          else if (!state.error) {
            const done = localized('actions.done', { n: stats.matched });
            const skipped = stats.skipped > 0 ? localized('actions.skipped', { n: stats.skipped }) : undefined;
            set({ notice: skipped ? { vi: `${done.vi} ${skipped.vi}`, en: `${done.en} ${skipped.en}` } : done });
          }
        } catch (error) {
          fail(error);
        } finally {
          set({ busy: false });
        }
      }),
    );
  }

  const actions: PaneActions = {
    async signIn(email) {
      set({ auth: { ...state.auth, status: 'signing-in', error: undefined } });
      try {
        await tokens.signIn(email);
      } catch (error) {
        set({ auth: { ...state.auth, status: 'signed-out', error: describeError(error) } });
        return;
      }
      await track(afterSignIn());
    },
    async signOut() {
      await tokens.signOut().catch(() => undefined);
      debouncer.cancel();
      cancelRetry();
      set({ auth: { ...state.auth, status: 'signed-out' }, user: undefined, userUnitName: undefined, actions: [], canSave: false, quota: [], issues: [], conflicts: [] });
    },
    async selectCampaign(campaignId) {
      if (campaignId === state.campaignId) return;
      await track(useCampaign(campaignId, true));
    },
    openSheet: () => track(exclusive(openSheet)),
    save: () => requestSave(),
    setAutosave(on) {
      try {
        storage?.setItem(AUTOSAVE_STORAGE_KEY, on ? 'on' : 'off');
      } catch {
        // Kept for this session only.
      }
      if (!on) debouncer.cancel();
      set({ autosave: on });
      if (on && state.edited) debouncer.poke();
    },
    setLanguage(language) {
      saveLanguage(storage, language);
      set({ language });
    },
    refreshReport: () => track(refreshReport()),
    async selectIssue(item) {
      const cell = issueCell(item, rowIds, columns);
      if (!cell) {
        set({ notice: localized('notice.rowNotFound') });
        return;
      }
      try {
        await gateway.selectCell(columns, cell.rowIndex, cell.columnId);
        set({});
      } catch (error) {
        fail(error);
      }
    },
    keepMine,
    takeTheirs,
    submitUnitRows: () => runAction('submit'),
    returnSelected: (reason) => runAction('return', reason),
    markSelectedEligible: () => runAction('eligible'),
    dismiss() {
      set({ error: undefined, notice: undefined, auth: { ...state.auth, error: undefined } });
    },
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions,
    async start() {
      const devUsers = tokens.listUsers ? await tokens.listUsers().catch(() => []) : [];
      set({ auth: { ...state.auth, devUsers } });
      const restored = await tokens.restore().catch(() => false);
      if (restored) await track(afterSignIn());
      else set({ auth: { ...state.auth, status: 'signed-out' } });
    },
    async dispose() {
      debouncer.cancel();
      cancelRetry();
      listeners.clear();
      await unsubscribeEdits?.().catch(() => undefined);
      unsubscribeEdits = undefined;
    },
    async idle() {
      let seen: Promise<unknown> | undefined;
      while (seen !== pending) {
        seen = pending;
        await pending;
      }
    },
  };
}
