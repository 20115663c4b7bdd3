import type { CouncilSettings } from '#shared/campaign';
import type { Ballot, Candidate, RoundForm } from '#shared/council/round';
import type { InvalidReason } from '#shared/council/tally';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { random } from './rows';

/**
 * The council bench's data: candidates, forms with their places, council settings and numbered ballots
 * as a council's count would give them. Deterministic (the same sizes give the same ballots).
 *
 * A round's shape: a quarter of the candidates stand for the first award form (Bằng khen), the rest for
 * the second (Giấy khen); each form has places for a fifth of its candidates. Two densities of ballots:
 *  - "realistic": each voter marks up to the places of each form (most fill all of them, 15% fewer),
 *    weighted by the candidates' standing: half as many favourites as places, who pass, and the
 *    others, who do not, so some places stay unfilled. About 2% of the marks are written "X" or " x"
 *    (valid: the tally trims and lowers them). About 1% of the ballots are invalid: 0.4% mark one more
 *    than a form's places, 0.3% carry a wrong mark ("v"), and 0.15% of pairs share a number (both void);
 *  - "full": every ballot marks every candidate and every form has as many places as candidates: the
 *    most marks a valid ballot can hold, so ballots × candidates marks.
 */
export const FIRST_FORM = SEED_CAMPAIGN.awardForms[0]!.code;
export const SECOND_FORM = SEED_CAMPAIGN.awardForms[1]!.code;
export const PLACES_SHARE = 0.2;
export const MARK = SEED_CAMPAIGN.council.voteMark;

export type Density = 'realistic' | 'full';

/** How many of `candidates` stand for the first form (the rest for the second). */
export const firstFormCount = (candidates: number) => Math.round(candidates / 4);

/** The places of a form with this many candidates. */
export const placesFor = (candidatesOfForm: number) => Math.max(1, Math.round(candidatesOfForm * PLACES_SHARE));

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Nông', 'Lường', 'Triệu', 'Bế', 'Ma', 'Hà', 'Lục', 'Vũ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang'];
const GIVEN = ['An', 'Bình', 'Chính', 'Dũng', 'Hà', 'Hồng', 'Lan', 'Mai', 'Sơn', 'Toàn', 'Tuấn', 'Yến'];
const UNITS = [
  'Phòng Tổng hợp',
  'Phòng Kinh tế',
  'Phòng Khoa giáo - Văn xã',
  'Phòng Nội chính',
  'Phòng Hành chính - Tổ chức',
  'Trung tâm Phục vụ hành chính công',
];

/**
 * Candidates as a round holds them, with nomination ids of the product's shape and length
 * (`n` + base-36 time + 12 hex digits, see functions/nominations/save.ts).
 */
export function makeCandidates(count: number, seed = 1): Candidate[] {
  const rnd = random(seed * 7919 + count);
  const first = firstFormCount(count);
  return Array.from({ length: count }, (_, i): Candidate => {
    const collective = i % 16 === 15;
    const hex = Array.from({ length: 12 }, () => Math.floor(rnd() * 16).toString(16)).join('');
    const unitName = UNITS[i % UNITS.length]!;
    return {
      nominationId: `n${(1_760_000_000_000 + i * 1_000).toString(36)}${hex}`,
      awardForm: i < first ? FIRST_FORM : SECOND_FORM,
      name: collective ? unitName : `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 2) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
      nomineeKind: collective ? 'collective' : 'individual',
      unitName,
      female: !collective && rnd() < 0.5,
    };
  });
}

/** The forms of these candidates, with places for a fifth of each form's candidates (or all, for "full"). */
export function formsOf(candidates: readonly Candidate[], density: Density): RoundForm[] {
  return [FIRST_FORM, SECOND_FORM].map((awardForm) => {
    const n = candidates.filter((c) => c.awardForm === awardForm).length;
    return { awardForm, places: density === 'full' ? n : placesFor(n) };
  });
}

/**
 * The seed's council rules (quorum 2/3, more than 50%, mark "x", written votes allowed) with `members`
 * members, and the threshold's base the valid ballots: see the bench's notes on why.
 */
export function councilSettings(members: number): CouncilSettings {
  const seed = SEED_CAMPAIGN.council;
  const roleOf = (i: number) =>
    i === 0 ? 'Chủ tịch Hội đồng' : i === 1 ? 'Phó Chủ tịch Hội đồng' : i === 2 ? 'Thư ký Hội đồng' : 'Ủy viên';
  return {
    ...seed,
    members: Array.from({ length: members }, (_, i) =>
      i < seed.members.length ? seed.members[i]! : { name: `Thành viên ${i + 1}`, role: roleOf(i) },
    ),
    threshold: { ...seed.threshold, base: 'valid_ballots' },
  };
}

export interface BallotSet {
  ballots: Ballot[];
  /** Non-empty marks sent, over all ballots. */
  marks: number;
  /** What the tally must find: the invalid ballots, by reason (a ballot has exactly one reason here). */
  expectedInvalid: Record<InvalidReason, number>;
}

type Kind = 'ok' | 'over' | 'wrongMark' | 'repeatFirst' | 'repeatSecond';

/** `count` numbered ballots for these candidates and forms. */
export function makeBallots(
  candidates: readonly Candidate[],
  forms: readonly RoundForm[],
  count: number,
  density: Density,
  seed = 2025,
): BallotSet {
  const expectedInvalid: Record<InvalidReason, number> = { OVER_PLACES: 0, UNKNOWN_CANDIDATE: 0, UNKNOWN_MARK: 0, REPEATED_NUMBER: 0 };
  if (density === 'full') {
    const marks = Object.fromEntries(candidates.map((c) => [c.nominationId, MARK]));
    const ballots = Array.from({ length: count }, (_, i) => ({ number: i + 1, marks: { ...marks } }));
    return { ballots, marks: count * candidates.length, expectedInvalid };
  }

  const rnd = random(seed + count * 31 + candidates.length);
  // Each candidate's standing, drawn once: half as many favourites as places (weight 12–13, so most
  // voters mark them and they pass), the others between e^-3 and 1 (they share the remaining marks and
  // stay under the threshold). Voters pick by it.
  const byForm = forms.map((form) => {
    const ofForm = candidates.filter((c) => c.awardForm === form.awardForm);
    const favourites = new Set<number>();
    while (favourites.size < Math.min(ofForm.length, Math.max(1, Math.round(form.places / 2))))
      favourites.add(Math.floor(rnd() * ofForm.length));
    const weights = ofForm.map((_, j) => (favourites.has(j) ? 12 + rnd() : Math.exp(-3 * rnd())));
    return { form, ids: ofForm.map((c) => c.nominationId), weights };
  });

  // Which ballots are invalid, and how: disjoint, spread at random.
  const kinds: Kind[] = Array.from({ length: count }, () => 'ok');
  const place = (n: number, fits: (i: number) => boolean, apply: (i: number) => void) => {
    for (let placed = 0, tries = 0; placed < n && tries < count * 20; tries += 1) {
      const i = Math.floor(rnd() * count);
      if (!fits(i)) continue;
      apply(i);
      placed += 1;
    }
  };
  const free = (i: number) => kinds[i] === 'ok';
  place(Math.round(count * 0.004), free, (i) => (kinds[i] = 'over'));
  place(Math.round(count * 0.003), free, (i) => (kinds[i] = 'wrongMark'));
  place(
    Math.round(count * 0.0015),
    (i) => i + 1 < count && free(i) && free(i + 1),
    (i) => {
      kinds[i] = 'repeatFirst';
      kinds[i + 1] = 'repeatSecond';
    },
  );

  /** k of the form's candidates, without repetition, each drawn with odds by its weight (exponential clocks). */
  const pick = (ids: readonly string[], weights: readonly number[], k: number): string[] => {
    const keyed = ids.map((id, j) => ({ id, key: -Math.log(1 - rnd()) / weights[j]! }));
    keyed.sort((a, b) => a.key - b.key);
    return keyed.slice(0, k).map((e) => e.id);
  };

  let marks = 0;
  const ballots: Ballot[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = kinds[i]!;
    // The form a spoilt ballot goes wrong in: one with more candidates than places.
    const overForm = kind === 'over' ? byForm.findIndex((f) => f.ids.length > f.form.places) : -1;
    const chosen: string[] = [];
    byForm.forEach(({ form, ids, weights }, f) => {
      let k = rnd() < 0.85 ? form.places : Math.floor(rnd() * form.places);
      if (f === overForm) k = form.places + 1;
      chosen.push(...pick(ids, weights, Math.min(k, ids.length)));
    });
    if (kind === 'wrongMark' && chosen.length === 0) chosen.push(byForm[0]!.ids[0]!);
    const ballotMarks: Record<string, string> = {};
    chosen.forEach((id, j) => {
      const r = rnd();
      ballotMarks[id] = kind === 'wrongMark' && j === 0 ? 'v' : r < 0.01 ? MARK.toUpperCase() : r < 0.02 ? ` ${MARK}` : MARK;
    });
    marks += chosen.length;
    ballots.push({ number: kind === 'repeatSecond' ? ballots[i - 1]!.number : i + 1, marks: ballotMarks });
    if (kind === 'over' && overForm >= 0) expectedInvalid.OVER_PLACES += 1;
    if (kind === 'wrongMark') expectedInvalid.UNKNOWN_MARK += 1;
    if (kind === 'repeatFirst' || kind === 'repeatSecond') expectedInvalid.REPEATED_NUMBER += 1;
  }
  return { ballots, marks, expectedInvalid };
}

/** The attendance of `participants` taking part, 2% of them in writing. */
export function attendanceOf(participants: number) {
  const writtenVotes = Math.round(participants * 0.02);
  return { present: participants - writtenVotes, writtenVotes };
}
