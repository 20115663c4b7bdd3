import type { StoredCampaign } from '#shared/api-types';
import { ballotSheetSchema } from '#shared/council/ballot-sheet';
import { buildMinutes } from '#shared/council/minutes';
import type { Ballot, Candidate, RoundForm } from '#shared/council/round';
import { tally } from '#shared/council/tally';
import type { VotingRound } from '#shared/council/voting-round';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';

export const CAMPAIGN: StoredCampaign = { ...SEED_CAMPAIGN, version: 1, updatedAt: '2025-01-01T00:00:00.000Z' };

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

export function schema(ballots: number, round = 1) {
  return ballotSheetSchema({ round, candidates: CANDIDATES, forms: FORMS, awardForms: CAMPAIGN.awardForms, voteMark: 'x', ballots });
}

/**
 * Nine ballots: n1 selected (6), n2 and n3 tied at 5 for the second place of GIAY_KHEN_CVP, n4 selected
 * for BANG_KHEN_CT_UBND; ballot 9 marks three candidates for two places (invalid). With `tie` false,
 * n1 and n2 are selected outright.
 */
export function nineBallots(tie = true): Ballot[] {
  const pairs = tie
    ? [
        ['n1', 'n2'],
        ['n1', 'n2'],
        ['n1', 'n2'],
        ['n1', 'n3'],
        ['n1', 'n3'],
        ['n1', 'n3'],
        ['n2', 'n3'],
        ['n2', 'n3'],
      ]
    : Array.from({ length: 8 }, () => ['n1', 'n2']);
  const ballots: Ballot[] = pairs.map((pair, i) => ({ number: i + 1, marks: { [pair[0]!]: 'x', [pair[1]!]: 'x', n4: 'x' } }));
  ballots.push({ number: 9, marks: { n1: 'x', n2: 'x', n3: 'x' } });
  return ballots;
}

export function round(overrides: Partial<VotingRound> = {}, ballots: Ballot[] = nineBallots()): VotingRound {
  const base: VotingRound = {
    campaignId: CAMPAIGN.id,
    id: '1',
    number: 1,
    status: 'open',
    candidates: CANDIDATES,
    forms: FORMS,
    attendance: { present: 9, writtenVotes: 0 },
    ballotCount: 0,
    ballotsVersion: 0,
    version: 1,
    createdAt: '2025-10-01T00:00:00.000Z',
    createdBy: 'thuky@thidua.local',
    updatedAt: '2025-10-01T00:00:00.000Z',
    updatedBy: 'thuky@thidua.local',
    ...overrides,
  };
  return base.status === 'open' ? base : tallied(base, ballots);
}

export function tallied(base: VotingRound, ballots: Ballot[]): VotingRound {
  const result = tally(CAMPAIGN.council, { candidates: base.candidates, forms: base.forms, attendance: base.attendance, ballots });
  const minutes = buildMinutes({
    campaign: CAMPAIGN,
    round: { number: base.number, candidates: base.candidates },
    result,
    date: '2025-10-02',
  });
  return { ...base, ballotCount: ballots.length, result, minutes };
}
