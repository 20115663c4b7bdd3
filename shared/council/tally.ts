import type { CouncilSettings } from '#shared/campaign';
import type { CandidateResult, FormResult, InvalidReason, TallyResult } from '#shared/api/tally';
import type { RoundInput } from './round';
import { requiredMembers } from './rules';

/** The result's shape is the API's (shared/api/tally.ts). */
export type { CandidateResult, FormResult, InvalidReason, TallyResult };

/** A ballot's reasons as bits, in the order the result lists them (alphabetical). */
const REASON_BITS: readonly [number, InvalidReason][] = [
  [1, 'OVER_PLACES'],
  [2, 'REPEATED_NUMBER'],
  [4, 'UNKNOWN_CANDIDATE'],
  [8, 'UNKNOWN_MARK'],
];
const [OVER_PLACES, REPEATED_NUMBER, UNKNOWN_CANDIDATE, UNKNOWN_MARK] = REASON_BITS.map(([bit]) => bit) as [number, number, number, number];

/**
 * Whether each ballot counts, and why not: marking more candidates of a form than its places, naming
 * someone who is not a candidate, a mark other than the agreed one, or a number used twice (every
 * ballot with that number is void, so that the order ballots come in never matters). Fewer marks than
 * places is valid. One pass, counting the votes of the valid ballots as it goes: this is the tally's
 * hot loop (ballots × marks). It works on flat typed arrays indexed by candidate and form, finds a
 * candidate's index in a prototype-less object (a ballot's keys are the candidates' ids, read by
 * for…in), keeps a ballot's reasons as bits and allocates nothing per mark or per valid ballot, so its
 * time per mark stays the same from tens of candidates to hundreds and from hundreds of ballots to
 * tens of thousands.
 */
function countBallots(input: RoundInput, voteMark: string) {
  const candidateIndex: Record<string, number> = Object.create(null) as Record<string, number>;
  input.candidates.forEach((c, i) => (candidateIndex[c.nominationId] = i));
  const formIndex = new Map(input.forms.map((f, i) => [f.awardForm, i]));
  const formOf = Int32Array.from(input.candidates, (c) => formIndex.get(c.awardForm) ?? -1);
  const places = Int32Array.from(input.forms, (f) => f.places);
  let highest = 0;
  for (const ballot of input.ballots) highest = Math.max(highest, ballot.number);
  const numberUses = new Uint32Array(highest + 1);
  for (const ballot of input.ballots) numberUses[ballot.number]! += 1;
  const mark = voteMark.trim().toLowerCase();

  const votes = new Int32Array(input.candidates.length);
  const perForm = new Int32Array(input.forms.length);
  const marked = new Int32Array(input.candidates.length);
  const invalid: { number: number; reasons: InvalidReason[] }[] = [];
  let valid = 0;
  for (const ballot of input.ballots) {
    let reasons = numberUses[ballot.number]! > 1 ? REPEATED_NUMBER : 0;
    perForm.fill(0);
    let count = 0;
    let over = false;
    const marks = ballot.marks;
    for (const nominationId in marks) {
      const value = marks[nominationId]!;
      // The agreed mark as written is the common case; anything else is normalised before judging.
      const written = value === voteMark ? mark : value.trim().toLowerCase();
      if (written === '') continue;
      const index = candidateIndex[nominationId];
      if (index === undefined) reasons |= UNKNOWN_CANDIDATE;
      else if (written !== mark) reasons |= UNKNOWN_MARK;
      else {
        marked[count++] = index;
        const form = formOf[index]!;
        // A candidate of a form the round does not hold has no place to take: always too many.
        if (form < 0 || ++perForm[form]! > places[form]!) over = true;
      }
    }
    if (over) reasons |= OVER_PLACES;
    if (reasons !== 0) {
      invalid.push({ number: ballot.number, reasons: REASON_BITS.filter(([bit]) => (reasons & bit) !== 0).map(([, reason]) => reason) });
      continue;
    }
    valid += 1;
    for (let i = 0; i < count; i += 1) votes[marked[i]!]! += 1;
  }
  invalid.sort((a, b) => a.number - b.number || a.reasons.join().localeCompare(b.reasons.join()));
  return { votes, valid, invalid };
}

function baseOf(settings: CouncilSettings, total: number, participating: number, valid: number): number {
  if (settings.threshold.base === 'members') return total;
  if (settings.threshold.base === 'participants') return participating;
  return valid;
}

/** Integer arithmetic, as the rules are written: votes × 100 > percent × base (or ≥). */
export function passes(settings: CouncilSettings, votes: number, base: number): boolean {
  if (base <= 0) return false;
  const left = votes * 100;
  const right = settings.threshold.percent * base;
  return settings.threshold.comparison === '>' ? left > right : left >= right;
}

/**
 * The tally of a round, a pure function linear in ballots × marks: votes, pass or fail against the
 * threshold, and, in each form, the passing candidates with the most votes selected up to its places.
 * A tie across the last place selects no one for those places and proposes a further round among the
 * tied. Without a quorum, or with more ballots collected than issued, the round is void: votes are
 * still counted (the minutes show them) but no one passes. The same ballots in any order give the same result.
 */
export function tally(settings: CouncilSettings, input: RoundInput): TallyResult {
  const total = settings.members.length;
  const writtenVotes = settings.allowWrittenVotes ? input.attendance.writtenVotes : 0;
  const participating = input.attendance.present + writtenVotes;
  const required = requiredMembers(settings, total);
  const members = { total, present: input.attendance.present, writtenVotes, participating };

  const counted = countBallots(input, settings.voteMark);
  const invalidBallots = counted.invalid;
  const ballots = { issued: participating, collected: input.ballots.length, valid: counted.valid, invalid: invalidBallots.length };
  const base = baseOf(settings, total, participating, counted.valid);

  const hasQuorum = participating * settings.quorum.denominator >= settings.quorum.numerator * total && total > 0;
  const tooManyBallots = ballots.collected > ballots.issued;
  const counts = hasQuorum && !tooManyBallots;
  const results: CandidateResult[] = input.candidates.map((c, i) => {
    const v = counted.votes[i]!;
    return {
      nominationId: c.nominationId,
      awardForm: c.awardForm,
      votes: v,
      percent: base > 0 ? Math.round((v * 10_000) / base) / 100 : 0,
      passed: counts && passes(settings, v, base),
      selected: false,
      tied: false,
    };
  });
  const byId = new Map(results.map((r) => [r.nominationId, r]));
  const female = new Set(input.candidates.filter((c) => c.female).map((c) => c.nominationId));

  const forms: FormResult[] = input.forms.map((form) => {
    const passing = results
      .filter((r) => r.awardForm === form.awardForm && r.passed)
      .sort((a, b) => b.votes - a.votes || a.nominationId.localeCompare(b.nominationId));
    if (passing.length <= form.places) {
      passing.forEach((r) => (r.selected = true));
      return { awardForm: form.awardForm, places: form.places, selected: passing.map((r) => r.nominationId) };
    }
    // More passing candidates than places: the last place goes to whoever has more votes, unless a tie
    // crosses it, in which case the program decides nothing for the tied.
    const lastVotes = passing[form.places - 1]?.votes;
    const nextVotes = passing[form.places]!.votes;
    if (form.places === 0 || lastVotes !== nextVotes) {
      const chosen = passing.slice(0, form.places);
      chosen.forEach((r) => (r.selected = true));
      return { awardForm: form.awardForm, places: form.places, selected: chosen.map((r) => r.nominationId) };
    }
    const above = passing.filter((r) => r.votes > nextVotes);
    const tiedGroup = passing.filter((r) => r.votes === nextVotes);
    above.forEach((r) => (r.selected = true));
    tiedGroup.forEach((r) => (r.tied = true));
    const tiedIds = tiedGroup.map((r) => r.nominationId);
    return {
      awardForm: form.awardForm,
      places: form.places,
      selected: above.map((r) => r.nominationId),
      tie: { nominationIds: tiedIds, places: form.places - above.length, femaleIds: tiedIds.filter((id) => female.has(id)) },
    };
  });

  const result: TallyResult = { void: !counts, members, ballots, invalidBallots, base, candidates: [...byId.values()], forms };
  if (!hasQuorum) result.voidReason = { code: 'NO_QUORUM', required, participating };
  else if (tooManyBallots) result.voidReason = { code: 'BALLOTS_EXCEED_ISSUED', issued: ballots.issued, collected: ballots.collected };
  return result;
}
