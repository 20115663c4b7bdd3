import type { CouncilSettings } from '#shared/campaign';
import type { CandidateResult, FormResult, InvalidReason, TallyResult } from '#shared/api/tally';
import { DIGIT_VALUE, encodeBallots, isCompact, type CompactBallots } from './ballot-codec';
import type { RoundInput } from './round';
import { requiredMembers } from './rules';

/** The result's shape is the API's (shared/api/tally.ts). */
export type { CandidateResult, FormResult, InvalidReason, TallyResult };

/** The tally's input with its ballots compact, as the store keeps them. */
export type CompactRoundInput = Omit<RoundInput, 'ballots'> & { ballots: CompactBallots };

/** A ballot's reasons as bits, in the order the result lists them (alphabetical). */
const REASON_BITS: readonly [number, InvalidReason][] = [
  [1, 'OVER_PLACES'],
  [2, 'REPEATED_NUMBER'],
  [4, 'UNKNOWN_CANDIDATE'],
  [8, 'UNKNOWN_MARK'],
];
const [OVER_PLACES, REPEATED_NUMBER, UNKNOWN_CANDIDATE, UNKNOWN_MARK] = REASON_BITS.map(([bit]) => bit) as [number, number, number, number];

/**
 * localeCompare's order (the default locale's collation), from one collator made once: localeCompare
 * makes its own on every call, which cost a round of few ballots more than counting them.
 */
const compareText = new Intl.Collator().compare;

/** A ballot's mark as the tally compares it: trimmed, lower case. */
const normalized = (mark: string) => mark.trim().toLowerCase();

/**
 * Whether each ballot counts, and why not: marking more candidates of a form than its places, naming
 * someone who is not a candidate, a mark other than the agreed one, or a number used twice (every
 * ballot with that number is void, so that the order ballots come in never matters). Fewer marks than
 * places is valid. One pass over the compact ballots (ballot-codec.ts), counting the votes of the valid
 * ballots as it goes: this is the tally's hot loop. A ballot's marked candidates come from its bits,
 * read as char codes through a table (no string, no object, no lookup by id), into flat typed arrays
 * indexed by candidate and form; its reasons are bits, and only an invalid ballot allocates (its list
 * of reasons). So its time per ballot × candidate stays the same from tens of candidates to hundreds and
 * from hundreds of ballots to tens of thousands. The rare other marks (another mark, a name that is not
 * a candidate) are judged one by one, as written.
 */
function countBallots(input: CompactRoundInput, voteMark: string) {
  const count = input.candidates.length;
  const candidateIndex: Record<string, number> = Object.create(null) as Record<string, number>;
  input.candidates.forEach((c, i) => (candidateIndex[c.nominationId] = i));
  const formIndex = new Map(input.forms.map((f, i) => [f.awardForm, i]));
  // Filled by plain loops: Int32Array.from with a mapping function costs more than a small round's count.
  const formOf = new Int32Array(count);
  for (let i = 0; i < count; i += 1) formOf[i] = formIndex.get(input.candidates[i]!.awardForm) ?? -1;
  const places = new Int32Array(input.forms.length);
  for (let f = 0; f < places.length; f += 1) places[f] = input.forms[f]!.places;
  const list = input.ballots.ballots;
  let highest = 0;
  for (const ballot of list) highest = Math.max(highest, ballot[0]);
  const numberUses = new Uint32Array(highest + 1);
  for (const ballot of list) numberUses[ballot[0]]! += 1;
  const mark = normalized(voteMark);
  // What the bits' mark is worth: nothing when blank, another mark unless it is the agreed one.
  const bitsMark = normalized(input.ballots.mark);
  const bitsReason = bitsMark === '' || bitsMark === mark ? 0 : UNKNOWN_MARK;

  const votes = new Int32Array(count);
  const perForm = new Int32Array(input.forms.length);
  // Room for every bit and every other mark a ballot may hold.
  const marked = new Int32Array(count + 64);
  const invalid: { number: number; reasons: InvalidReason[] }[] = [];
  let valid = 0;
  const formCount = perForm.length;
  for (let b = 0; b < list.length; b += 1) {
    const ballot = list[b]!;
    let reasons = numberUses[ballot[0]]! > 1 ? REPEATED_NUMBER : 0;
    for (let f = 0; f < formCount; f += 1) perForm[f] = 0;
    let taken = 0;
    let over = false;
    const bits = bitsMark === '' ? '' : ballot[1];
    for (let c = 0; c < bits.length; c += 1) {
      let value = DIGIT_VALUE[bits.charCodeAt(c)]!;
      while (value > 0) {
        const low = value & -value;
        value ^= low;
        const index = c * 6 + 31 - Math.clz32(low);
        if (index >= count) reasons |= UNKNOWN_CANDIDATE;
        else if (bitsReason !== 0) reasons |= bitsReason;
        else {
          marked[taken++] = index;
          const form = formOf[index]!;
          // A candidate of a form the round does not hold has no place to take: always too many.
          if (form < 0 || ++perForm[form]! > places[form]!) over = true;
        }
      }
    }
    // Read only where there are other marks: a read past a tuple's end is slow in the hot loop.
    if (ballot.length > 2) {
      for (const [who, value] of ballot[2]!) {
        const written = normalized(value);
        if (written === '') continue;
        const index = typeof who === 'number' ? (who < count ? who : undefined) : candidateIndex[who];
        if (index === undefined) reasons |= UNKNOWN_CANDIDATE;
        else if (written !== mark) reasons |= UNKNOWN_MARK;
        else if (taken < marked.length) {
          marked[taken++] = index;
          const form = formOf[index]!;
          if (form < 0 || ++perForm[form]! > places[form]!) over = true;
        }
      }
    }
    if (over) reasons |= OVER_PLACES;
    if (reasons !== 0) {
      invalid.push({ number: ballot[0], reasons: REASON_BITS.filter(([bit]) => (reasons & bit) !== 0).map(([, reason]) => reason) });
      continue;
    }
    valid += 1;
    for (let i = 0; i < taken; i += 1) votes[marked[i]!]! += 1;
  }
  invalid.sort((a, b) => a.number - b.number || compareText(a.reasons.join(), b.reasons.join()));
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
 * The tally of a round, a pure function linear in ballots × candidates, over the ballots as sent or compact: votes, pass or fail against the
 * threshold, and, in each form, the passing candidates with the most votes selected up to its places.
 * A tie across the last place selects no one for those places and proposes a further round among the
 * tied. Without a quorum, or with more ballots collected than issued, the round is void: votes are
 * still counted (the minutes show them) but no one passes. The same ballots in any order give the same result.
 */
export function tally(settings: CouncilSettings, input: RoundInput | CompactRoundInput): TallyResult {
  const total = settings.members.length;
  const writtenVotes = settings.allowWrittenVotes ? input.attendance.writtenVotes : 0;
  const participating = input.attendance.present + writtenVotes;
  const required = requiredMembers(settings, total);
  const members = { total, present: input.attendance.present, writtenVotes, participating };

  const compact = isCompact(input.ballots)
    ? input.ballots
    : encodeBallots(
        input.ballots,
        input.candidates.map((c) => c.nominationId),
        settings.voteMark,
      );
  const counted = countBallots({ ...input, ballots: compact }, settings.voteMark);
  const invalidBallots = counted.invalid;
  const ballots = { issued: participating, collected: compact.ballots.length, valid: counted.valid, invalid: invalidBallots.length };
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
      .sort((a, b) => b.votes - a.votes || compareText(a.nominationId, b.nominationId));
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
