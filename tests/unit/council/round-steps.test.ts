import { describe, expect, it } from 'vitest';
import { confirmRefusal, closedRoundRefusal } from '#shared/council/confirm-plan';
import { annulRefusal } from '#shared/council/annul-plan';
import { standsForRound } from '#shared/council/candidates';
import { awaitsConfirmation, isBeingWritten, mayAnnulRound, mayConfirmRound } from '#shared/council/round-status';
import {
  finishedRound,
  orderCounters,
  planSteps,
  quotaChangeRefusal,
  stageMoveRefusal,
  restedRound,
  startedRound,
  STEP_ACTIONS,
  undoable,
  undoReason,
  type PendingWrite,
} from '#shared/council/round-steps';
import type { VotingRound } from '#shared/council/voting-round';
import { beingDecidedIssue, refuseDelete } from '#shared/policy/nominations';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { ROUND_MOVES } from '#shared/status';
import { nominateIndividual, saved, staffOf } from '#tests/support/nomination';
import { cases, OWN, USERS } from '../policy/users';

const counter = (delta: number, scopeKey = 'campaign') => ({ ruleId: 'QUOTA_GIAY_KHEN', scopeKey, delta, max: 100 });

describe("a round's write in steps (shared/council/round-steps.ts)", () => {
  it('takes places first, locks, writes, and gives places back last, at most 97 actions a step', () => {
    const counters = orderCounters([counter(-3, 'a'), counter(100), counter(0, 'b')]);
    expect(counters.map((c) => c.delta)).toEqual([100, -3]);
    const steps = planSteps(500, counters);
    expect(steps.map((s) => s.kind)).toEqual(['reserve', ...Array(6).fill('lock'), ...Array(6).fill('apply'), 'release']);
    expect(steps.every((s) => s.end - s.start <= STEP_ACTIONS)).toBe(true);
    // Every decision is locked once and written once, in order.
    for (const kind of ['lock', 'apply'] as const) {
      const ofKind = steps.filter((s) => s.kind === kind);
      expect(ofKind[0]!.start).toBe(0);
      expect(ofKind.at(-1)!.end).toBe(500);
      ofKind.slice(1).forEach((s, i) => expect(s.start).toBe(ofKind[i]!.end));
    }
    expect(steps.at(-1)).toEqual({ kind: 'release', start: 1, end: 2 });
  });

  it('counts its steps as the request figures say: 100, 500 and 1,000 decisions over one counter', () => {
    expect(planSteps(100, [counter(20)])).toHaveLength(1 + 2 + 2);
    expect(planSteps(500, [counter(100)])).toHaveLength(1 + 6 + 6);
    expect(planSteps(1000, [counter(200)])).toHaveLength(1 + 11 + 11);
    // Many counters (a unit-wide quota over many units) are reserved in steps of their own.
    expect(
      planSteps(
        10,
        Array.from({ length: 150 }, (_, i) => counter(1, `u${i}`)),
      ).filter((s) => s.kind === 'reserve'),
    ).toHaveLength(2);
    expect(planSteps(0, [])).toEqual([{ kind: 'apply', start: 0, end: 0 }]);
  });

  it('undoes a step that failed its guard only while no decision is written', () => {
    const steps = planSteps(200, [counter(10)]);
    expect(steps.map(undoReason)).toEqual(['quota', 'changed', 'changed', 'changed', undefined, undefined, undefined]);
    expect(undoable(steps, 4)).toBe(true);
    expect(undoable(steps, 5)).toBe(false);
  });

  const tallied = {
    id: '2',
    status: 'tallied',
    version: 7,
    decisions: undefined,
    minutes: undefined,
    candidates: [],
  } as unknown as VotingRound;
  const pending: PendingWrite = {
    action: 'confirm',
    versions: [3],
    counters: [counter(1)],
    steps: planSteps(1, [counter(1)]),
    fromVersion: 7,
  };
  const by = { email: 'thuky@thidua.local', at: '2025-10-01T02:00:00.000Z' };
  const decisions = [{ nominationId: 'n1', from: 'eligible' as const, to: 'selected' as const }];

  it('shows the round confirming with its progress, then confirmed by who started it, or back to tallied when undone', () => {
    const started = startedRound(tallied, pending, decisions, by);
    expect(started).toMatchObject({ status: 'confirming', version: 8, decisions, progress: { action: 'confirm', done: 1, total: 3 } });
    const finished = finishedRound({ ...started, version: 10 }, { email: 'admin@thidua.local', at: by.at });
    expect(finished).toMatchObject({ status: 'confirmed', confirmedBy: by.email, version: 11 });
    expect(finished).not.toHaveProperty('pending');
    expect(finished).not.toHaveProperty('progress');
    const rested = restedRound({ ...started, version: 9 }, by);
    expect(rested).toMatchObject({ status: 'tallied', version: 10 });
    expect(rested).not.toHaveProperty('decisions');
    expect(rested).not.toHaveProperty('pending');
  });

  it('lets a confirming round be asked again (finishing it) at the version it started from or shows; ballots and tally wait', () => {
    const confirming = { ...tallied, status: 'confirming' as const, version: 9 };
    expect(confirmRefusal(confirming, { version: 7 }, 7)).toBeUndefined();
    expect(confirmRefusal(confirming, { version: 9 }, 7)).toBeUndefined();
    expect(confirmRefusal(confirming, {}, 7)).toBeUndefined();
    expect(confirmRefusal(confirming, { version: 8 }, 7)?.code).toBe('VERSION_CONFLICT');
    expect(closedRoundRefusal(confirming)?.code).toBe('ROUND_CONFIRMING');
    expect(closedRoundRefusal({ ...confirming, status: 'annulling' })?.code).toBe('ROUND_ANNULLING');
    const annulling = { ...confirming, status: 'annulling' as const, decisions: [] };
    expect(annulRefusal(annulling, { reason: 'Sai sót', version: 7 }, [], 7)).toBeUndefined();
    expect(annulRefusal(annulling, { reason: 'Sai sót', version: 8 }, [], 7)?.code).toBe('VERSION_CONFLICT');
  });

  it('keeps the quota rules while a round is confirming or annulling (their counters would be counted afresh)', () => {
    const rules = { quotaRules: [] };
    const changed = { quotaRules: [{ ...SEED_CAMPAIGN.quotaRules[0]!, max: 9 }] };
    expect(quotaChangeRefusal(rules, changed, [{ id: '1', status: 'confirmed' }])).toBeUndefined();
    expect(quotaChangeRefusal(rules, rules, [{ id: '2', status: 'confirming' }])).toBeUndefined();
    expect(quotaChangeRefusal(rules, changed, [{ id: '2', status: 'confirming' }])?.code).toBe('ROUND_CONFIRMING');
    expect(quotaChangeRefusal(rules, changed, [{ id: '3', status: 'annulling' }])?.code).toBe('ROUND_ANNULLING');
  });

  it('keeps the campaign under review while a round is confirming or annulling (no one could finish it after)', () => {
    expect(stageMoveRefusal('decided', [{ id: '1', status: 'confirmed' }])).toBeUndefined();
    expect(stageMoveRefusal('decided', [{ id: '2', status: 'confirming' }])).toEqual({
      code: 'ROUND_CONFIRMING',
      details: { roundId: '2', to: 'decided' },
    });
  });

  it('tells the pane what to offer: resume a confirmation, finish an annulment', () => {
    expect(awaitsConfirmation({ status: 'confirming' })).toBe(true);
    expect(mayConfirmRound({ status: 'confirming' })).toBe(true);
    expect(mayAnnulRound({ status: 'annulling' })).toBe(true);
    expect(isBeingWritten({ status: 'confirming' })).toBe(true);
    expect(isBeingWritten({ status: 'confirmed' })).toBe(false);
  });
});

describe('a nomination a round is writing (its councilLock)', () => {
  const locked = saved(nominateIndividual(staffOf(OWN)[0]!, { status: 'eligible' }), { councilLock: '2' });

  it('stands in no other round, and keeps the moves only the round makes', () => {
    expect(standsForRound(locked)).toBe(false);
    expect(standsForRound({ ...locked, councilLock: undefined })).toBe(true);
    expect(ROUND_MOVES.confirm).toEqual({ from: ['eligible'], to: ['selected', 'not_selected'] });
  });

  // Whatever the role: those who may delete the row are refused while the round writes it; the others as before.
  it.each(
    cases({
      admin: 'NOMINATION_BEING_DECIDED',
      hr: 'NOMINATION_BEING_DECIDED',
      unit: 'FORBIDDEN_UNIT',
      otherUnit: 'FORBIDDEN_UNIT',
      secretary: 'FORBIDDEN',
      viewer: 'FORBIDDEN',
    }),
  )('is not deleted by %s: %s', (who, refusal) => {
    expect(refuseDelete(USERS[who], locked)).toBe(refusal);
  });

  it('refuses a save of it in its row, in vi and en, naming the round', () => {
    const issue = beingDecidedIssue(locked, { rowKey: 'r7' })!;
    expect(issue).toMatchObject({ code: 'NOMINATION_BEING_DECIDED', severity: 'error', rowKey: 'r7', nominationId: locked.id });
    expect(issue.message.vi).toContain('vòng bỏ phiếu 2');
    expect(issue.message.en).toContain('round 2');
    expect(beingDecidedIssue({ ...locked, councilLock: undefined }, {})).toBeUndefined();
  });
});
