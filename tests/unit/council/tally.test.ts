import { describe, expect, it } from 'vitest';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { roundRules, tally, type Ballot, type RoundInput } from '#shared/council/index';
import { ballots, candidate } from '#tests/support/council';

/** The seed's council: 9 members, quorum 2/3, pass with more than 50% of all members, mark "x". */
const council = SEED_CAMPAIGN.council;
const BK = 'BANG_KHEN_CT_UBND';
const GK = 'GIAY_KHEN_CVP';
const candidates = [
  candidate('an', BK),
  candidate('binh', BK, { female: true }),
  candidate('chi', GK, { female: true }),
  candidate('dung', GK),
];
const forms = [
  { awardForm: BK, places: 1 },
  { awardForm: GK, places: 1 },
];
const round = (list: Ballot[], present = 9, writtenVotes = 0): RoundInput => ({
  candidates,
  forms,
  attendance: { present, writtenVotes },
  ballots: list,
});

describe('the tally of a round', () => {
  it('selects, per form, the passing candidate with the most votes (the default threshold: votes × 100 > 50 × members)', () => {
    const result = tally(
      council,
      round(ballots('an chi', 'an chi', 'an chi', 'an chi', 'an dung', 'binh dung', 'binh dung', 'binh dung', 'an chi')),
    );
    expect(result.void).toBe(false);
    expect(result.base).toBe(9);
    expect(result.candidates.find((c) => c.nominationId === 'an')).toMatchObject({
      votes: 6,
      percent: 66.67,
      passed: true,
      selected: true,
    });
    expect(result.candidates.find((c) => c.nominationId === 'binh')).toMatchObject({ votes: 3, passed: false, selected: false });
    expect(result.forms).toEqual([
      { awardForm: BK, places: 1, selected: ['an'] },
      { awardForm: GK, places: 1, selected: ['chi'] },
    ]);
    expect(result.ballots).toEqual({ issued: 9, collected: 9, valid: 9, invalid: 0 });
  });

  it('needs strictly more than half: 4.5 of 9 is not reached by 4 votes, and 50% exactly fails with ">"', () => {
    const even = { ...council, members: council.members.slice(0, 8) };
    const result = tally(even, { ...round(ballots('an', 'an', 'an', 'an', 'binh', 'binh', 'binh', 'binh'), 8) });
    expect(result.candidates.find((c) => c.nominationId === 'an')).toMatchObject({ votes: 4, percent: 50, passed: false });
    const atLeast = tally({ ...even, threshold: { ...even.threshold, comparison: '>=' } }, round(ballots('an', 'an', 'an', 'an'), 8));
    expect(atLeast.candidates.find((c) => c.nominationId === 'an')?.passed).toBe(true);
  });

  it('finds ballots invalid, with the reason, and counts none of their marks', () => {
    const list: Ballot[] = [
      { number: 1, marks: { an: 'x', binh: 'x' } }, // two marks for one place
      { number: 2, marks: { khong_co: 'x' } }, // not a candidate
      { number: 3, marks: { an: '✓' } }, // not the agreed mark
      { number: 4, marks: { an: 'x' } },
      { number: 4, marks: { chi: 'x' } }, // a number used twice: both void
      { number: 5, marks: { an: 'X' } }, // the agreed mark, another case: valid
      { number: 6, marks: {} }, // fewer marks than places: valid
    ];
    const result = tally(council, round(list));
    expect(result.invalidBallots).toEqual([
      { number: 1, reasons: ['OVER_PLACES'] },
      { number: 2, reasons: ['UNKNOWN_CANDIDATE'] },
      { number: 3, reasons: ['UNKNOWN_MARK'] },
      { number: 4, reasons: ['REPEATED_NUMBER'] },
      { number: 4, reasons: ['REPEATED_NUMBER'] },
    ]);
    expect(result.ballots).toMatchObject({ collected: 7, valid: 2, invalid: 5 });
    expect(result.candidates.find((c) => c.nominationId === 'an')?.votes).toBe(1);
  });

  it('selects no one across a tie for the last place and proposes a further round among the tied', () => {
    const result = tally(
      council,
      round(ballots('an chi', 'an chi', 'an chi', 'an chi', 'an chi', 'binh dung', 'binh dung', 'binh dung', 'binh dung')),
    );
    // chi 5, dung 4: chi wins the Giấy khen. an 5: wins the Bằng khen outright.
    expect(result.forms[1]).toEqual({ awardForm: GK, places: 1, selected: ['chi'] });
    const twoPlaces = tally(council, {
      candidates: [...candidates, candidate('em', GK, { female: true })],
      forms: [{ awardForm: GK, places: 2 }],
      attendance: { present: 9, writtenVotes: 0 },
      ballots: ballots('chi dung', 'chi dung', 'chi dung', 'chi em', 'chi em', 'chi em', 'dung em', 'dung em', 'chi'),
    });
    // chi 7 is selected; dung 5 and em 5 tie across the second place: neither, a further round for 1 place.
    expect(twoPlaces.forms[0]).toEqual({
      awardForm: GK,
      places: 2,
      selected: ['chi'],
      tie: { nominationIds: ['dung', 'em'], places: 1, femaleIds: ['em'] },
    });
    expect(twoPlaces.candidates.filter((c) => c.tied).map((c) => c.nominationId)).toEqual(['dung', 'em']);
  });

  it('is void without a quorum of 2/3 of all members, with the reason', () => {
    const result = tally(council, round(ballots('an chi', 'an chi', 'an chi', 'an chi', 'an chi'), 5));
    expect(result).toMatchObject({ void: true, voidReason: { code: 'NO_QUORUM', required: 6, participating: 5 } });
    expect(result.forms.every((f) => f.selected.length === 0)).toBe(true);
  });

  it('counts written votes of absent members only where the council allows them', () => {
    expect(tally(council, round(ballots('an'), 4, 2)).members.participating).toBe(6);
    expect(tally({ ...council, allowWrittenVotes: false }, round(ballots('an'), 4, 2))).toMatchObject({
      void: true,
      members: { participating: 4 },
    });
  });

  it('takes the base the council chose: members taking part, or valid ballots', () => {
    const list = ballots('an', 'an', 'an', 'an', 'binh', 'binh');
    const participants = tally({ ...council, threshold: { ...council.threshold, base: 'participants' } }, round(list, 7));
    expect(participants.base).toBe(7);
    expect(participants.candidates.find((c) => c.nominationId === 'an')?.passed).toBe(true);
    const valid = tally({ ...council, threshold: { percent: 70, comparison: '>', base: 'valid_ballots' } }, round(list, 7));
    expect(valid.base).toBe(6);
    expect(valid.candidates.find((c) => c.nominationId === 'an')).toMatchObject({ percent: 66.67, passed: false });
  });
});

// Issue 8, item 5: collected may not exceed issued (one ballot per member taking part).
describe('more ballots collected than issued', () => {
  it('voids the count with its reason, selects no one and still shows the votes', () => {
    const list = ballots('an chi', 'an chi', 'an chi', 'an chi', 'an chi', 'an chi', 'an chi', 'binh dung');
    const result = tally(council, round(list, 6, 1));
    expect(result).toMatchObject({
      void: true,
      voidReason: { code: 'BALLOTS_EXCEED_ISSUED', issued: 7, collected: 8 },
      ballots: { issued: 7, collected: 8, valid: 8, invalid: 0 },
    });
    expect(result.candidates.find((c) => c.nominationId === 'an')).toMatchObject({ votes: 7, passed: false, selected: false });
    expect(result.forms.every((f) => f.selected.length === 0 && !f.tie)).toBe(true);
  });

  it('counts invalid ballots as collected too, and accepts as many ballots as were issued', () => {
    const list = [...ballots('an chi', 'an chi', 'an chi', 'an chi', 'an chi', 'an chi'), { number: 7, marks: { an: 'v' } }];
    expect(tally(council, round(list, 6)).voidReason).toEqual({ code: 'BALLOTS_EXCEED_ISSUED', issued: 6, collected: 7 });
    expect(tally(council, round(list, 7))).toMatchObject({ void: false, ballots: { issued: 7, collected: 7, invalid: 1 } });
  });

  it('names no quorum first when both hold', () => {
    expect(tally(council, round(ballots('an', 'an', 'an', 'an', 'an', 'an'), 5)).voidReason).toEqual({
      code: 'NO_QUORUM',
      required: 6,
      participating: 5,
    });
  });
});

// Issue 8, item 4: the tally is a pure function of the rules it is given; the round's own rules are
// chosen by roundRules (those it was opened under, else the campaign's).
describe('the rules a round is counted by', () => {
  const list = ballots('an chi', 'an chi', 'an chi', 'an chi', 'an chi', 'binh dung', 'binh dung', 'binh dung', 'binh dung');
  const opened = council;
  const editedLater = { ...council, threshold: { percent: 60, comparison: '>=' as const, base: 'members' as const } };

  it('takes the snapshot kept with the round over the campaign rules edited since', () => {
    expect(roundRules({ rules: opened }, { council: editedLater })).toBe(opened);
    const byRound = tally(roundRules({ rules: opened }, { council: editedLater }), round(list));
    // an: 5/9 = 55.56%: more than 50% passes under the rules the round was opened with; under 60% it would not.
    expect(byRound.candidates.find((c) => c.nominationId === 'an')).toMatchObject({ votes: 5, passed: true, selected: true });
    expect(tally(editedLater, round(list)).candidates.find((c) => c.nominationId === 'an')).toMatchObject({ passed: false });
  });

  it("falls back to the campaign's rules for a round stored before rounds kept them", () => {
    expect(roundRules({}, { council: editedLater })).toBe(editedLater);
  });
});
