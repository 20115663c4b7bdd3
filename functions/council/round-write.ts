import { confirmationChanges } from '#shared/council/confirm-plan';
import {
  finishedRound,
  isPending,
  PENDING_STATUS,
  RESTING_STATUS,
  restedRound,
  startedRound,
  undoable,
  undoReason,
  type PendingWrite,
  type RoundStep,
} from '#shared/council/round-steps';
import type { RoundDecision } from '#shared/council/voting-round';
import { auditItems, type AuditEntry } from '#functions/store/audit-store';
import type { Db } from '#functions/store/client';
import { statusCountDeltas, statusCountsUpdate } from '#functions/store/quota-counters';
import { backoff } from '#functions/store/retry';
import { applyItem, counterItem, lockItem, roundProgressItem, unlockItem } from '#functions/store/round-step-items';
import { getRound, putItem, roundPutItem, type StoredRound } from '#functions/store/round-store';
import { transact, type TransactItem, type TransactOutcome } from '#functions/store/transact';
import { ROUND_RETRIES } from './rounds';

/**
 * Runs a council round's confirmation or annulment in steps (shared/council/round-steps.ts says which
 * and why): each step one transaction whose first action moves the round's progress over the version
 * read, so that whoever asks again (a retry after a timeout, a second click, another secretary) goes
 * on from the step the round records, and no step is ever done twice.
 */

type Actor = { email: string };
type Undo = 'quota' | 'changed';

/** What a step's items need besides the round. */
interface StepWriter {
  db: Db;
  round: StoredRound;
  pending: PendingWrite;
  by: { email: string; at: string };
  requestId: string;
}

function decisionAt(w: StepWriter, index: number): RoundDecision {
  return w.round.decisions![index]!;
}

/** The audit of an apply step (each decision written), with the round's own entry on the write's last step. */
function stepAudit(w: StepWriter, step: RoundStep, last: boolean): TransactItem[] {
  const { round, pending, by } = w;
  const mark = pending.action === 'confirm' ? 'councilRound' : 'annulledRound';
  const entries: AuditEntry[] = [];
  for (let i = step.start; step.kind === 'apply' && i < step.end; i += 1) {
    const d = decisionAt(w, i);
    const [from, to] = pending.action === 'confirm' ? [d.from, d.to] : [d.to, d.from];
    entries.push({
      at: by.at,
      actor: by.email,
      action: 'update',
      nominationId: d.nominationId,
      changes: { status: { from, to }, [mark]: { to: round.id } },
    });
  }
  if (last) {
    const action = pending.action === 'confirm' ? 'round.confirm' : 'round.annul';
    const changes =
      pending.action === 'confirm'
        ? confirmationChanges(round, round.decisions ?? [])
        : { round: { to: round.id }, reason: { to: pending.annulment?.reason } };
    entries.push({ at: by.at, actor: round.progress?.startedBy ?? by.email, action, changes });
  }
  if (entries.length === 0) return [];
  return auditItems(round.campaignId, `${w.requestId}-${round.number}-${round.version}`, entries).map((item) => putItem(w.db, item));
}

/** The counts by form and status an apply step moves (they stay exact whatever happens between steps). */
function stepCounts(w: StepWriter, step: RoundStep): TransactItem[] {
  if (step.kind !== 'apply') return [];
  const forms = new Map(w.round.candidates.map((c) => [c.nominationId, c.awardForm]));
  const changes = [];
  for (let i = step.start; i < step.end; i += 1) {
    const d = decisionAt(w, i);
    const awardForm = forms.get(d.nominationId) ?? '';
    const [from, to] = w.pending.action === 'confirm' ? [d.from, d.to] : [d.to, d.from];
    changes.push({ before: { awardForm, status: from }, after: { awardForm, status: to } });
  }
  const deltas = statusCountDeltas(changes);
  return deltas.size > 0 ? [statusCountsUpdate(w.db.tableName, w.round.campaignId, deltas)] : [];
}

/** A step's own actions, forward (`undo` false) or taken back. */
function stepItems(w: StepWriter, step: RoundStep, undo: boolean): TransactItem[] {
  const { db, round, pending, by } = w;
  const items: TransactItem[] = [];
  for (let i = step.start; i < step.end; i += 1) {
    if (step.kind === 'reserve' || step.kind === 'release') {
      items.push(counterItem(db, round.campaignId, pending.counters[i]!, undo ? -1 : 1));
      continue;
    }
    const d = decisionAt(w, i);
    // An annulment writes each decision backwards: from what the round decided to what it was before.
    const decision = pending.action === 'confirm' ? d : { nominationId: d.nominationId, from: d.to, to: d.from };
    if (step.kind === 'lock')
      items.push(
        undo
          ? unlockItem(db, round.campaignId, round.id, decision)
          : lockItem(db, round.campaignId, round.id, decision, pending.versions[i]!),
      );
    else items.push(applyItem(db, round.campaignId, round.id, decision, pending.versions[i]!, by));
  }
  return items;
}

/** The round after a step that only moved its progress: read back as written, without a read. */
function progressed(round: StoredRound, progress: NonNullable<StoredRound['progress']>, by: StepWriter['by']): StoredRound {
  return { ...round, progress, version: round.version + 1, updatedAt: by.at, updatedBy: by.email };
}

/** The transaction of the round's next step (the round's own action first, then the step's), and the round it leaves. */
function nextStep(w: StepWriter): { step: RoundStep; items: TransactItem[]; after: StoredRound } {
  const { db, round, pending, by } = w;
  const progress = round.progress!;
  const index = progress.undoing ? progress.done - 1 : progress.done;
  const step = pending.steps[index]!;
  const expected = { version: round.version, statuses: [round.status] };
  if (progress.undoing) {
    const after = index === 0 ? restedRound(round, by) : progressed(round, { ...progress, done: index }, by);
    const roundItem = index === 0 ? roundPutItem(db, after, expected) : roundProgressItem(db, round, after.progress!, by);
    return { step, items: [roundItem, ...stepItems(w, step, true)], after };
  }
  const last = index === pending.steps.length - 1;
  const after = last ? finishedRound(round, by) : progressed(round, { ...progress, done: index + 1 }, by);
  const roundItem = last ? roundPutItem(db, after, expected) : roundProgressItem(db, round, after.progress!, by);
  return { step, items: [roundItem, ...stepItems(w, step, false), ...stepAudit(w, step, last), ...stepCounts(w, step)], after };
}

/**
 * Starts a write: the round moved to confirming (or annulling) with its plan, and its first step, in one
 * transaction. Cancelled, nothing is written: the outcome says whether the round moved (first action),
 * a quota was full or a nomination changed (the step's).
 */
export async function startWrite(
  db: Db,
  round: StoredRound,
  pending: PendingWrite,
  decisions: readonly RoundDecision[],
  user: Actor,
  requestId: string,
): Promise<TransactOutcome & { after?: StoredRound }> {
  const by = { email: user.email, at: new Date().toISOString() };
  const started = startedRound(round, pending, decisions, by);
  const w: StepWriter = { db, round: started, pending, by, requestId };
  const step = pending.steps[0]!;
  const last = pending.steps.length === 1;
  const after = last ? finishedRound(started, by) : started;
  const roundItem = roundPutItem(db, after, { version: round.version, statuses: [RESTING_STATUS[pending.action]] });
  const outcome = await transact(db, [roundItem, ...stepItems(w, step, false), ...stepAudit(w, step, last), ...stepCounts(w, step)]);
  return outcome.ok ? { ...outcome, after } : outcome;
}

/**
 * Runs a confirming or annulling round's remaining steps until it is no longer pending: finished, or
 * undone (back where it was) because a quota was full or a nomination changed before its decision was
 * written. Returns the round as it ends and, if undone, why.
 */
export async function finishWrite(
  db: Db,
  campaignId: string,
  number: number,
  user: Actor,
  requestId: string,
  known?: StoredRound,
): Promise<{ round: StoredRound; undone?: { why: Undo; pending: PendingWrite } }> {
  let undone: { why: Undo; pending: PendingWrite } | undefined;
  // The round as this writer last wrote it (no read needed), or as read after anything else.
  let current = known;
  for (let attempt = 0; ;) {
    const round = current ?? (await getRound(db, campaignId, number));
    current = undefined;
    if (!isPending(round) || !round.pending || !round.progress) return { round, ...(undone ? { undone } : {}) };
    const progress = round.progress;
    if (progress.undoing) undone = { why: progress.undoing, pending: round.pending };
    const by = { email: user.email, at: new Date().toISOString() };
    const w: StepWriter = { db, round, pending: round.pending, by, requestId };
    const { step, items, after } = nextStep(w);
    const outcome = await transact(db, items);
    if (outcome.ok) {
      current = after;
      continue;
    }
    // The round's own action failed: another writer did this step meanwhile; read where it is now.
    if (outcome.reasons[0] === 'ConditionalCheckFailed') continue;
    const why = undoReason(step);
    if (!progress.undoing && why && outcome.reasons.includes('ConditionalCheckFailed') && undoable(round.pending.steps, progress.done)) {
      // A quota found full or a nomination changed since the plan: take the steps done back, one by one.
      await transact(db, [roundProgressItem(db, round, { ...progress, undoing: why }, by)]);
      continue;
    }
    attempt += 1;
    if (attempt > ROUND_RETRIES) throw new Error(`round ${number}'s ${PENDING_STATUS[round.pending.action]} step kept conflicting`);
    await backoff(attempt, 20, 500);
  }
}
