import type { StoredCampaign } from '#shared/api/index';
import { ballotSheetSchema } from '#shared/council/ballot-sheet';
import { buildMinutes } from '#shared/council/minutes';
import type { Ballot } from '#shared/council/round';
import { tally } from '#shared/council/tally';
import type { VotingRound } from '#shared/council/voting-round';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { createOfficeCouncilSheets } from '#addin/excel/office-council-sheets';
import { CANDIDATES, FORMS, nineBallots } from '#tests/support/council';
import { standInExcel } from '#tests/support/office/excel';

export { CANDIDATES, FORMS, nineBallots, TIE_PAIRS } from '#tests/support/council';

export const CAMPAIGN: StoredCampaign = { ...SEED_CAMPAIGN, version: 1, updatedAt: '2025-01-01T00:00:00.000Z', stage: 'under_review' };

export function schema(ballots: number, round = 1) {
  return ballotSheetSchema({ round, candidates: CANDIDATES, forms: FORMS, awardForms: CAMPAIGN.awardForms, voteMark: 'x', ballots });
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

/** The council's sheets over the stand-in Excel host; `pageLayout: false`: a host without ExcelApi 1.9. */
export function councilSheetsOver(options: { pageLayout?: boolean } = {}) {
  const office = standInExcel();
  const sheets = createOfficeCouncilSheets({
    excel: office.excel,
    isSetSupported: (name, version) => name === 'ExcelApi' && (version !== '1.9' || options.pageLayout !== false),
  });
  const sheet = (name: string) => office.workbook.sheet(name)!;
  /** The operations run with this label (Type.member), each as [request, argument]. */
  const ran = (label: string) => office.host.operations!.filter((op) => op.label === label).map((op) => [op.request, op.argument]);
  return { ...office, sheets, sheet, ran };
}
