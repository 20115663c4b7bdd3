import type { CouncilSettings } from '#shared/campaign';
import type { CandidateResult, FormResult, InvalidReason, TallyResult } from '#shared/api/tally';
import type { RoundInput } from './round';
import { requiredMembers } from './rules';

/** The result's shape is the API's (shared/api/tally.ts). */
export type { CandidateResult, FormResult, InvalidReason, TallyResult };

/**
 * Whether each ballot counts, and why not: marking more candidates of a form than its places, naming
 * someone who is not a candidate, a mark other than the agreed one, or a number used twice (every
 * ballot with that number is void, so that the order ballots come in never matters). Fewer marks than
 * places is valid. One pass, counting the votes of the valid ballots as it goes: this is the tally's
 * hot loop (ballots × marks), so it works on candidate and form indexes, not on objects.
 */
function countBallots(input: RoundInput, voteMark: string) {
  const candidateIndex = new Map(input.candidates.map((c, i) => [c.nominationId, i]));
  const formIndex = new Map(input.forms.map((f, i) => [f.awardForm, i]));
  const formOf = Int32Array.from(input.candidates, (c) => formIndex.get(c.awardForm) ?? -1);
  const places = Int32Array.from(input.forms, (f) => f.places);
  const numberUses = new Map<number, number>();
  for (const ballot of input.ballots) numberUses.set(ballot.number, (numberUses.get(ballot.number) ?? 0) + 1);
  const mark = voteMark.trim().toLowerCase();

  const votes = new Int32Array(input.candidates.length);
  const perForm = new Int32Array(input.forms.length);
  const marked = new Int32Array(input.candidates.length);
  const invalid: { number: number; reasons: InvalidReason[] }[] = [];
  let valid = 0;
  for (const ballot of input.ballots) {
    const reasons: InvalidReason[] = [];
    if (numberUses.get(ballot.number)! > 1) reasons.push('REPEATED_NUMBER');
    perForm.fill(0);
    let count = 0;
    for (const nominationId in ballot.marks) {
      const value = ballot.marks[nominationId]!;
      // The agreed mark as written is the common case; anything else is normalised before judging.
      const written = value === voteMark ? mark : value.trim().toLowerCase();
      if (written === '') continue;
      const index = candidateIndex.get(nominationId);
      if (index === undefined) {
        if (!reasons.includes('UNKNOWN_CANDIDATE')) reasons.push('UNKNOWN_CANDIDATE');
      } else if (written !== mark) {
        if (!reasons.includes('UNKNOWN_MARK')) reasons.push('UNKNOWN_MARK');
      } else {
        marked[count++] = index;
        const form = formOf[index]!;
        if (form >= 0) perForm[form]! += 1;
      }
    }
    // A candidate of a form the round does not hold has no place to take: always too many.
    let over = false;
    for (let form = 0; form < places.length && !over; form += 1) over = perForm[form]! > places[form]!;
    for (let i = 0; i < count && !over; i += 1) over = formOf[marked[i]!] === -1;
    if (over) reasons.push('OVER_PLACES');
    if (reasons.length > 0) {
      invalid.push({ number: ballot.number, reasons: reasons.sort() });
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
