import { describe, expect, it } from 'vitest';
import type { CandidateResult, TallyResult } from '#shared/api/tally';
import { standsForRound, tiesToDecide, wantedForm } from '#shared/council/candidates';
import { closedRoundRefusal, confirmationChanges, confirmRefusal, planDecisions } from '#shared/council/confirm-plan';
import { awaitsConfirmation, isConfirmed, isLiveRound, mayConfirmRound, takesBallots } from '#shared/council/round-status';
import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { nominateIndividual, saved, staffOf } from '#tests/support/nomination';

const GK = 'GIAY_KHEN_CVP';
const BK = 'BANG_KHEN_CT_UBND';
const SECRETARY: User = { email: 'thuky@thidua.local', displayName: 'Thư ký', role: 'secretary' };
const NOW = '2025-10-01T02:00:00.000Z';

const eligible = (id: string, extra: Partial<Nomination> = {}) =>
  saved(nominateIndividual(staffOf('kinh-te')[0]!, { status: 'eligible' }), { id, ...extra });

const outcome = (nominationId: string, selected: boolean, tied = false): CandidateResult => ({
  nominationId,
  awardForm: GK,
  votes: 0,
  percent: 0,
  passed: selected,
  selected,
  tied,
});

function tallied(candidates: CandidateResult[], extra: Partial<TallyResult> = {}) {
  const result: TallyResult = {
    void: false,
    members: { total: 9, present: 9, writtenVotes: 0, participating: 9 },
    ballots: { issued: 9, collected: 9, valid: 9, invalid: 0 },
    invalidBallots: [],
    base: 9,
    candidates,
    forms: [],
    ...extra,
  };
  return {
    id: '1',
    status: 'tallied' as const,
    version: 3,
    ballotsVersion: 2,
    talliedBallotsVersion: 2,
    result,
    candidates: candidates.map((c) => ({
      nominationId: c.nominationId,
      awardForm: c.awardForm,
      name: `Ứng viên ${c.nominationId}`,
      nomineeKind: 'individual' as const,
      unitName: 'Phòng Kinh tế',
      female: false,
    })),
  };
}

describe('who stands in a round', () => {
  it('a live eligible nomination, and nothing else', () => {
    expect(standsForRound(eligible('n1'))).toBe(true);
    expect(standsForRound(eligible('n1', { deletedAt: NOW }))).toBe(false);
    expect(standsForRound(eligible('n1', { status: 'selected' }))).toBe(false);
    expect(standsForRound(undefined)).toBe(false);
  });

  it('every award form, unless some are asked for', () => {
    expect(wantedForm({}, GK)).toBe(true);
    expect(wantedForm({ awardForms: [BK] }, GK)).toBe(false);
  });

  it("a further round takes a confirmed round's ties, each form for the places its tie left", () => {
    const forms = [
      { awardForm: GK, places: 1, selected: [], tie: { nominationIds: ['n1', 'n2'], places: 1, femaleIds: [] } },
      { awardForm: BK, places: 1, selected: ['n3'] },
    ];
    const source = { id: '1', status: 'confirmed' as const, result: tallied([], { forms }).result };
    expect(tiesToDecide(source, {})).toEqual({ nominationIds: ['n1', 'n2'], cap: new Map([[GK, 1]]) });
    expect(tiesToDecide(source, { awardForms: [BK] })).toEqual({
      refusal: { code: 'NO_CANDIDATES', details: { fromRoundId: '1', reason: 'NO_TIE' } },
    });
    expect(tiesToDecide({ ...source, status: 'tallied' }, {})).toEqual({
      refusal: { code: 'ROUND_NOT_CONFIRMED', details: { roundId: '1', status: 'tallied' } },
    });
  });
});

describe('whether a round may be confirmed', () => {
  const round = tallied([outcome('n1', true)]);

  it('a tallied round whose ballots did not change since, at the version read', () => {
    expect(confirmRefusal(round, {})).toBeUndefined();
    expect(confirmRefusal(round, { version: 3 })).toBeUndefined();
  });

  it.each([
    ['confirmed', { status: 'confirmed' as const }, 'ROUND_CONFIRMED'],
    ['superseded', { status: 'superseded' as const }, 'ROUND_SUPERSEDED'],
    ['still open', { status: 'open' as const }, 'ROUND_NOT_TALLIED'],
    ['with ballots changed after the tally', { ballotsVersion: 4 }, 'BALLOTS_CHANGED'],
    ['without quorum', { result: { ...round.result, void: true } }, 'ROUND_VOID'],
  ])('refuses a round %s', (_what, change, code) => {
    expect(confirmRefusal({ ...round, ...change }, {})?.code).toBe(code);
  });

  it('refuses a version other than the one read', () => {
    expect(confirmRefusal(round, { version: 2 })?.code).toBe('VERSION_CONFLICT');
  });

  it('a closed round says why; an open one is not closed', () => {
    expect(closedRoundRefusal({ id: '1', status: 'confirmed', confirmedAt: NOW })).toEqual({
      code: 'ROUND_CONFIRMED',
      details: { roundId: '1', confirmedAt: NOW },
    });
    expect(closedRoundRefusal({ id: '1', status: 'open' })).toBeUndefined();
  });
});

describe("a confirmation's plan", () => {
  const round = tallied([outcome('n1', true), outcome('n2', false), outcome('n3', false, true)]);
  const current = new Map([
    ['n1', eligible('n1', { version: 4 })],
    ['n2', eligible('n2')],
    ['n3', eligible('n3')],
  ]);

  it('selected and not selected move; the tied stay eligible for a further round', () => {
    const plan = planDecisions(round, current, SECRETARY, NOW);
    expect('planned' in plan && plan.planned.map((p) => p.decision)).toEqual([
      { nominationId: 'n1', from: 'eligible', to: 'selected' },
      { nominationId: 'n2', from: 'eligible', to: 'not_selected' },
    ]);
    if (!('planned' in plan)) return;
    expect(plan.planned[0]!.after).toMatchObject({ status: 'selected', version: 5, updatedAt: NOW, updatedBy: SECRETARY.email });
    expect(
      confirmationChanges(
        round,
        plan.planned.map((p) => p.decision),
      ),
    ).toEqual({
      round: { to: '1' },
      selected: { to: ['n1'] },
      notSelected: { to: ['n2'] },
      tied: { to: ['n3'] },
    });
  });

  it('sets selected and not selected, which no save may (who confirms is the council policy)', () => {
    const plan = planDecisions(round, current, SECRETARY, NOW);
    expect('planned' in plan && plan.planned.map((p) => p.decision.to).sort()).toEqual(expect.arrayContaining(['selected']));
  });

  it('names every candidate changed since the round was opened', () => {
    const changed = new Map(current);
    changed.set('n1', eligible('n1', { status: 'returned', version: 6 }));
    changed.delete('n2');
    const plan = planDecisions(round, changed, SECRETARY, NOW);
    expect(plan).toMatchObject({
      refusal: {
        code: 'VERSION_CONFLICT',
        details: {
          roundId: '1',
          nominations: [
            { id: 'n1', name: 'Ứng viên n1', status: 'returned', version: 6 },
            { id: 'n2', name: 'Ứng viên n2', deleted: true },
          ],
        },
      },
    });
    expect('refusal' in plan && plan.refusal.message?.en).toContain('Ứng viên n1 và Ứng viên n2');
  });
});

describe("a round's life", () => {
  it.each([
    ['open', { live: true, ballots: true, awaits: false, confirmed: false }],
    ['tallied', { live: true, ballots: false, awaits: true, confirmed: false }],
    ['confirmed', { live: false, ballots: false, awaits: false, confirmed: true }],
    ['superseded', { live: false, ballots: false, awaits: false, confirmed: false }],
  ] as const)('%s', (status, expected) => {
    const round = { status };
    expect({
      live: isLiveRound(round),
      ballots: takesBallots(round),
      awaits: awaitsConfirmation(round),
      confirmed: isConfirmed(round),
    }).toEqual(expected);
  });

  it('the pane offers to confirm a tallied round with a quorum only', () => {
    const round = tallied([outcome('n1', true)]);
    expect(mayConfirmRound(round)).toBe(true);
    expect(mayConfirmRound({ ...round, result: { ...round.result, void: true } })).toBe(false);
    expect(mayConfirmRound({ ...round, status: 'open' })).toBe(false);
    expect(mayConfirmRound(undefined)).toBe(false);
  });
});
