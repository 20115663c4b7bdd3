import type { Campaign } from '#shared/campaign';
import { annulledMinutes } from './annul-plan';
import type { RoundRefusal } from './refusal';
import type { RoundDecision, RoundStatus, VotingRound } from './voting-round';

/**
 * A round's confirmation (or annulment) writes up to 1,000 decisions: more than one transaction takes.
 * It goes in steps, each one transaction that also moves the round's progress, conditional on the
 * round's version, so that two writers never do one step twice and a write cut short is finished by
 * whoever asks again:
 *
 * 1. reserve: the quota places the decisions take, on the counters, under the same guard as a save (the
 *    first step, with the round's move to `confirming`): a form can never go over its cap, and the
 *    places are held before any nomination says selected;
 * 2. lock: each decided nomination marked with the round (`councilLock`), if it is still at the version
 *    and status the plan read: from then on no save, deletion or decision changes it;
 * 3. apply: each nomination moved to its decision, its lock removed, with its audit entry and the counts
 *    by status; the last step leaves the round `confirmed` (or `annulled`);
 * 4. release: places given back (an annulment's), after the nominations no longer hold them.
 *
 * Places are taken before and given back after the nominations move, so the counters may count a place
 * too many for a moment, never one too few. Until the first apply step, a step that fails (a quota
 * found full, a candidate changed since the plan read it) is undone step by step, and the round goes
 * back to where it was; from then on nothing can fail but a collision, which is retried.
 */
export type PendingAction = 'confirm' | 'annul';
export type StepKind = 'reserve' | 'lock' | 'apply' | 'release';

/** One quota counter's net move: taken (delta > 0, guarded by its max) or given back. */
export interface StepCounter {
  ruleId: string;
  scopeKey: string;
  delta: number;
  max: number;
}

/** A step: the decisions (lock, apply) or counters (reserve, release) from `start` to before `end`. */
export interface RoundStep {
  kind: StepKind;
  start: number;
  end: number;
}

/** What a confirming or annulling round keeps to finish the write, whoever resumes it. */
export interface PendingWrite {
  action: PendingAction;
  /** Each decision's nomination version when the plan read it: the lock and the write are conditional on it. */
  versions: number[];
  /** The net moves of the quota counters, the places taken first and those given back last. */
  counters: StepCounter[];
  steps: RoundStep[];
  /** The round's version when the write started: a retry of that request resumes it. */
  fromVersion: number;
  /** The annulment being written: who, when, why. */
  annulment?: { at: string; by: string; reason: string };
}

/**
 * Actions of one step besides the round's own Update, the audit item and the counts by status: DynamoDB
 * takes 100 actions in a transaction.
 */
export const STEP_ACTIONS = 97;

/** The counters in the order they are written: places taken first, places given back last; no-ops dropped. */
export function orderCounters(counters: readonly StepCounter[]): StepCounter[] {
  return [...counters.filter((c) => c.delta > 0), ...counters.filter((c) => c.delta < 0)];
}

function chunks(kind: StepKind, start: number, end: number, size: number): RoundStep[] {
  const steps: RoundStep[] = [];
  for (let at = start; at < end; at += size) steps.push({ kind, start: at, end: Math.min(end, at + size) });
  return steps;
}

/** The steps of a write of `decisions` decisions over these (ordered) counters; at least one. */
export function planSteps(decisions: number, counters: readonly StepCounter[], size = STEP_ACTIONS): RoundStep[] {
  const taken = counters.filter((c) => c.delta > 0).length;
  const steps = [
    ...chunks('reserve', 0, taken, size),
    ...chunks('lock', 0, decisions, size),
    ...chunks('apply', 0, decisions, size),
    ...chunks('release', taken, counters.length, size),
  ];
  // A round whose decisions move nothing still needs one step to reach its end.
  return steps.length > 0 ? steps : [{ kind: 'apply', start: 0, end: 0 }];
}

/** A failed step that is undone: places not free (its guard), or a nomination no longer as the plan read it. */
export function undoReason(step: RoundStep): 'quota' | 'changed' | undefined {
  if (step.kind === 'reserve') return 'quota';
  if (step.kind === 'lock') return 'changed';
  return undefined;
}

/** Whether the steps done so far can still be taken back: no decision has been written yet. */
export function undoable(steps: readonly RoundStep[], done: number): boolean {
  return steps.slice(0, done).every((step) => step.kind === 'reserve' || step.kind === 'lock');
}

/** The round's status while the write runs, where it ends, and where an undone write leaves it. */
export const PENDING_STATUS = { confirm: 'confirming', annul: 'annulling' } as const satisfies Record<PendingAction, RoundStatus>;
export const FINAL_STATUS = { confirm: 'confirmed', annul: 'annulled' } as const satisfies Record<PendingAction, RoundStatus>;
export const RESTING_STATUS = { confirm: 'tallied', annul: 'confirmed' } as const satisfies Record<PendingAction, RoundStatus>;

/** A round being confirmed or annulled: readers show it as such, and asking again finishes it. */
export function isPending(round: Pick<VotingRound, 'status'> | undefined): boolean {
  return round?.status === 'confirming' || round?.status === 'annulling';
}

/** A round as the store keeps it while a write runs: the public round and what the write needs. */
type Writable = Omit<VotingRound, 'ballots'> & { pending?: PendingWrite };
type Actor = { email: string; at: string };

/** The round as its write starts (its first step is done in the same transaction). */
export function startedRound<T extends Writable>(round: T, pending: PendingWrite, decisions: readonly RoundDecision[], by: Actor): T {
  return {
    ...round,
    status: PENDING_STATUS[pending.action],
    decisions: [...decisions],
    pending,
    progress: { action: pending.action, done: 1, total: pending.steps.length, startedAt: by.at, startedBy: by.email },
    version: round.version + 1,
    updatedAt: by.at,
    updatedBy: by.email,
  };
}

/** The round once its last step is written: confirmed by who started it, or annulled with its reason. */
export function finishedRound<T extends Writable>(round: T, by: Actor): T {
  const { pending, progress, ...rest } = round;
  const moved = { ...rest, version: round.version + 1, updatedAt: by.at, updatedBy: by.email } as T;
  if (pending?.action === 'annul' && pending.annulment) {
    const { annulment } = pending;
    return { ...moved, status: 'annulled', annulment, ...(round.minutes ? { minutes: annulledMinutes(round.minutes, annulment) } : {}) };
  }
  return { ...moved, status: 'confirmed', confirmedAt: by.at, confirmedBy: progress?.startedBy ?? by.email };
}

/** The round once its write is undone: back where it was (a tallied round has no decisions yet). */
export function restedRound<T extends Writable>(round: T, by: Actor): T {
  const { pending, progress: _progress, decisions, ...rest } = round;
  const action = pending?.action ?? 'confirm';
  return {
    ...rest,
    ...(action === 'annul' && decisions ? { decisions } : {}),
    status: RESTING_STATUS[action],
    version: round.version + 1,
    updatedAt: by.at,
    updatedBy: by.email,
  } as T;
}

/** A round's write under way (or cut short) refuses a change that would strand or miscount it. */
function writeUnderWay(rounds: readonly Pick<VotingRound, 'id' | 'status'>[], details: Record<string, unknown>): RoundRefusal | undefined {
  const writing = rounds.find(isPending);
  if (!writing) return undefined;
  return { code: writing.status === 'annulling' ? 'ROUND_ANNULLING' : 'ROUND_CONFIRMING', details: { roundId: writing.id, ...details } };
}

/**
 * New quota rules count the counters afresh from the nominations, which would drop the places a round
 * being confirmed has reserved but not yet written (or count twice those an annulment gives back): a
 * change of the quota rules waits until no round's write is under way.
 */
export function quotaChangeRefusal(
  before: Pick<Campaign, 'quotaRules'>,
  after: Pick<Campaign, 'quotaRules'>,
  rounds: readonly Pick<VotingRound, 'id' | 'status'>[],
): RoundRefusal | undefined {
  if (JSON.stringify(before.quotaRules) === JSON.stringify(after.quotaRules)) return undefined;
  return writeUnderWay(rounds, { quotaRules: 'changed' });
}

/**
 * The council's rounds run only under review: a campaign leaving it while a round's write is under way
 * (or cut short) would leave its candidates locked with no one allowed to finish it. The stage waits.
 */
export function stageMoveRefusal(to: string, rounds: readonly Pick<VotingRound, 'id' | 'status'>[]): RoundRefusal | undefined {
  return writeUnderWay(rounds, { to });
}
