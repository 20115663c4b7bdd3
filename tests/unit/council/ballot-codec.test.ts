import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CouncilSettings } from '#shared/campaign';
import { compactProblem, CompactBallots, decodeBallots, encodeBallots } from '#shared/council/ballot-codec';
import { canonicalBallots, canonicalCompactBallots } from '#shared/council/fingerprint';
import type { Ballot, Candidate, RoundForm } from '#shared/council/round';
import { tally, type InvalidReason } from '#shared/council/tally';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { CANDIDATES, nineBallots } from '#tests/support/council';

/**
 * The compact ballots (shared/council/ballot-codec.ts): lossless, read the same by the tally and the
 * fingerprint as the ballots they encode, and judged against a plain reading of the rules written here
 * (DESIGN.md, "Council voting"), not against the tally's own loop.
 */
const SETTINGS: CouncilSettings = {
  ...SEED_CAMPAIGN.council,
  members: Array.from({ length: 30 }, (_, i) => ({ name: `Ủy viên ${i + 1}`, role: 'Ủy viên' })),
};
const ids = (candidates: readonly Candidate[]) => candidates.map((c) => c.nominationId);

/** Rounds of up to 20 candidates in up to three forms (one the round does not hold), ballots of every kind. */
const roundArb = fc
  .record({
    forms: fc.array(fc.constantFrom('GIAY_KHEN_CVP', 'BANG_KHEN_CT_UBND', 'OTHER_FORM'), { minLength: 1, maxLength: 20 }),
    places: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })),
  })
  .chain(({ forms, places }) => {
    const candidates = forms.map((awardForm, i): Candidate => ({
      nominationId: `n${i}x${(i * 7919).toString(36)}`,
      awardForm,
      name: `Ứng viên ${i}`,
      nomineeKind: 'individual',
      unitName: '',
      female: false,
    }));
    const roundForms: RoundForm[] = [
      { awardForm: 'GIAY_KHEN_CVP', places: places[0] },
      { awardForm: 'BANG_KHEN_CT_UBND', places: places[1] },
    ];
    const markArb = fc.oneof(
      { weight: 12, arbitrary: fc.constant('x') },
      { weight: 1, arbitrary: fc.constantFrom('X', ' x', 'x ', 'v', '✓', '', '  ', 'Nguye\u0302\u0303n') },
    );
    const keyArb = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...ids(candidates)) },
      { weight: 1, arbitrary: fc.constantFrom('la', 'Hòa', 'Ho\u0300a', '123', 'zz') },
    );
    const ballotArb = fc.record({ number: fc.integer({ min: 1, max: 40 }), marks: fc.dictionary(keyArb, markArb, { maxKeys: 8 }) });
    return fc.array(ballotArb, { maxLength: 30 }).map((ballots) => ({ candidates, forms: roundForms, ballots }));
  });
const runs = { numRuns: 300 };

/** The rules as written, one ballot at a time: what the tally must find. */
function byTheRules(candidates: readonly Candidate[], forms: readonly RoundForm[], ballots: readonly Ballot[], voteMark: string) {
  const agreed = voteMark.trim().toLowerCase();
  const uses = new Map<number, number>();
  for (const b of ballots) uses.set(b.number, (uses.get(b.number) ?? 0) + 1);
  const votes = new Map(candidates.map((c) => [c.nominationId, 0]));
  const invalid: { number: number; reasons: InvalidReason[] }[] = [];
  for (const ballot of ballots) {
    const reasons = new Set<InvalidReason>();
    if (uses.get(ballot.number)! > 1) reasons.add('REPEATED_NUMBER');
    const chosen: Candidate[] = [];
    for (const [id, value] of Object.entries(ballot.marks)) {
      const written = value.trim().toLowerCase();
      if (written === '') continue;
      const candidate = candidates.find((c) => c.nominationId === id);
      if (!candidate) reasons.add('UNKNOWN_CANDIDATE');
      else if (written !== agreed) reasons.add('UNKNOWN_MARK');
      else chosen.push(candidate);
    }
    const places = (form: string) => forms.find((f) => f.awardForm === form)?.places ?? 0;
    if (chosen.some((c) => chosen.filter((o) => o.awardForm === c.awardForm).length > places(c.awardForm))) reasons.add('OVER_PLACES');
    if (reasons.size > 0) invalid.push({ number: ballot.number, reasons: [...reasons].sort() });
    else for (const c of chosen) votes.set(c.nominationId, votes.get(c.nominationId)! + 1);
  }
  invalid.sort((a, b) => a.number - b.number || a.reasons.join().localeCompare(b.reasons.join()));
  return { votes: [...votes.values()], valid: ballots.length - invalid.length, invalid };
}

describe('compact ballots', () => {
  it('decode to the very ballots encoded, whatever mark the bits stand for', () => {
    fc.assert(
      fc.property(roundArb, fc.constantFrom('x', 'X', 'v'), ({ candidates, ballots }, mark) => {
        const compact = encodeBallots(ballots, ids(candidates), mark);
        expect(CompactBallots.parse(JSON.parse(JSON.stringify(compact)))).toEqual(compact);
        expect(compactProblem(compact, ids(candidates))).toBeUndefined();
        expect(decodeBallots(compact, ids(candidates))).toEqual(ballots);
      }),
      runs,
    );
  });

  it('are tallied as the rules read the ballots they encode, and as those ballots are', () => {
    fc.assert(
      fc.property(roundArb, fc.constantFrom('x', 'X', 'v', ' '), ({ candidates, forms, ballots }, mark) => {
        const input = { candidates, forms, attendance: { present: 30, writtenVotes: 0 } };
        const compact = tally(SETTINGS, { ...input, ballots: encodeBallots(ballots, ids(candidates), mark) });
        const expected = byTheRules(candidates, forms, ballots, SETTINGS.voteMark);
        expect(compact.candidates.map((c) => c.votes)).toEqual(expected.votes);
        expect(compact.ballots.valid).toBe(expected.valid);
        expect(compact.invalidBallots).toEqual(expected.invalid);
        expect(tally(SETTINGS, { ...input, ballots })).toEqual(compact);
      }),
      runs,
    );
  });

  it('give the fingerprint the ballots give, by the canonical text made from them directly', () => {
    fc.assert(
      fc.property(
        roundArb,
        fc.constantFrom('x', 'X', ' x', ''),
        fc.integer({ min: 1, max: 9999 }),
        ({ candidates, ballots }, mark, round) => {
          const compact = encodeBallots(ballots, ids(candidates), mark);
          expect(canonicalCompactBallots(round, compact, ids(candidates))).toBe(canonicalBallots(round, ballots));
        },
      ),
      runs,
    );
  });

  it('write a ballot as the digits of its marked candidates, six a digit, and its other marks apart', () => {
    const compact = encodeBallots(
      [...nineBallots().slice(7), { number: 10, marks: { n5: 'X', n1: 'x', stranger: 'x' } }, { number: 11, marks: {} }],
      ids(CANDIDATES),
      'x',
    );
    expect(compact.ballots).toEqual([
      // n2, n3 and n4 (indexes 1, 2, 3): 2 + 4 + 8 = 14, "O"; n1, n2, n3: 1 + 2 + 4 = 7, "H".
      [8, 'O'],
      [9, 'H'],
      [
        10,
        'B',
        [
          [4, 'X'],
          ['stranger', 'x'],
        ],
      ],
      [11, ''],
    ]);
    const many = Array.from({ length: 14 }, (_, i) => `c${i}`);
    expect(encodeBallots([{ number: 1, marks: { c13: 'x', c0: 'x' } }], many, 'x').ballots).toEqual([[1, 'BAC']]);
  });

  it('name what no ballot can say: a candidate the round has not, or one marked twice', () => {
    const two = ['a', 'b'];
    const compact = (ballots: CompactBallots['ballots']): CompactBallots => ({ format: 'thidua-compact/1', mark: 'x', ballots });
    expect(compactProblem(compact([[1, 'D']]), two)).toBeUndefined();
    expect(
      compactProblem(
        compact([
          [1, 'D'],
          [2, 'E'],
        ]),
        two,
      ),
    ).toEqual({ position: 1, reason: 'index' });
    expect(compactProblem(compact([[1, '', [[2, 'v']]]]), two)).toEqual({ position: 0, reason: 'index' });
    expect(compactProblem(compact([[1, 'B', [[0, 'v']]]]), two)).toEqual({ position: 0, reason: 'duplicate' });
    expect(compactProblem(compact([[1, '', [['a', 'v']]]]), two)).toEqual({ position: 0, reason: 'duplicate' });
    expect(
      compactProblem(
        compact([
          [
            1,
            '',
            [
              ['z', 'v'],
              ['z', 'x'],
            ],
          ],
        ]),
        two,
      ),
    ).toEqual({ position: 0, reason: 'duplicate' });
    expect(CompactBallots.safeParse(compact([[1, 'A+']])).success).toBe(false);
    expect(CompactBallots.safeParse(compact([[0, 'A']])).success).toBe(false);
  });
});
