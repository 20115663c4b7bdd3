/**
 * The council's test data, shared by the unit, add-in and e2e tests (the e2e page bundles it for the
 * browser): candidates, forms with their places, and ballots written as the names they mark.
 */
import type { Ballot, Candidate, RoundForm } from '#shared/council/round';

/** A candidate of a round: an individual of Phòng Tổng hợp unless told otherwise. */
export function candidate(nominationId: string, awardForm: string, options: Partial<Candidate> = {}): Candidate {
  return { nominationId, awardForm, name: nominationId, nomineeKind: 'individual', unitName: '', female: false, ...options };
}

/** Two forms: three candidates for two places (one named like a formula), two for one place. */
export const CANDIDATES: Candidate[] = [
  {
    nominationId: 'n1',
    awardForm: 'GIAY_KHEN_CVP',
    name: 'Nguyễn Văn An',
    nomineeKind: 'individual',
    unitName: 'Phòng Tổng hợp',
    female: false,
  },
  {
    nominationId: 'n2',
    awardForm: 'GIAY_KHEN_CVP',
    name: 'Trần Thị Bình',
    nomineeKind: 'individual',
    unitName: 'Phòng Tổng hợp',
    female: true,
  },
  {
    nominationId: 'n3',
    awardForm: 'GIAY_KHEN_CVP',
    name: '=HYPERLINK("http://x","Lê Văn Cường")',
    nomineeKind: 'individual',
    unitName: '',
    female: false,
  },
  {
    nominationId: 'n4',
    awardForm: 'BANG_KHEN_CT_UBND',
    name: 'Phòng Hành chính – Tổ chức',
    nomineeKind: 'collective',
    unitName: '',
    female: false,
  },
  {
    nominationId: 'n5',
    awardForm: 'BANG_KHEN_CT_UBND',
    name: 'Phạm Thị Dung',
    nomineeKind: 'individual',
    unitName: 'Phòng Kinh tế',
    female: true,
  },
];
export const FORMS: RoundForm[] = [
  { awardForm: 'GIAY_KHEN_CVP', places: 2 },
  { awardForm: 'BANG_KHEN_CT_UBND', places: 1 },
];

/** `ballots('an chi', 'binh dung')`: one ballot per string, numbered from 1, marking the names in it with "x". */
export function ballots(...votes: string[]): Ballot[] {
  return votes.map((names, i) => ({
    number: i + 1,
    marks: Object.fromEntries(
      names
        .split(' ')
        .filter(Boolean)
        .map((n) => [n, 'x']),
    ),
  }));
}

/** Ballots marking these pairs of candidates, numbered from 1 (the round's pairs for two places). */
export function ballotPairs(pairs: readonly (readonly string[])[], extra: Record<string, string> = {}): Ballot[] {
  return pairs.map((pair, i) => ({ number: i + 1, marks: { ...Object.fromEntries(pair.map((id) => [id, 'x'])), ...extra } }));
}

/** Eight ballots' pairs: n1 on six, n2 and n3 on five each, a tie for the second place of GIAY_KHEN_CVP. */
export const TIE_PAIRS: readonly (readonly string[])[] = [
  ['n1', 'n2'],
  ['n1', 'n2'],
  ['n1', 'n2'],
  ['n1', 'n3'],
  ['n1', 'n3'],
  ['n1', 'n3'],
  ['n2', 'n3'],
  ['n2', 'n3'],
];

/**
 * Nine ballots: n1 selected (6), n2 and n3 tied at 5 for the second place of GIAY_KHEN_CVP, n4 selected
 * for BANG_KHEN_CT_UBND; ballot 9 marks three candidates for two places (invalid). With `tie` false,
 * n1 and n2 are selected outright.
 */
export function nineBallots(tie = true): Ballot[] {
  const pairs = tie ? TIE_PAIRS : Array.from({ length: 8 }, () => ['n1', 'n2']);
  return [...ballotPairs(pairs, { n4: 'x' }), { number: 9, marks: { n1: 'x', n2: 'x', n3: 'x' } }];
}
