/**
 * A page without the pane: the add-in's Excel code (addin/src/excel: the nomination sheet's gateway and
 * the council's sheets) bundled on its own, over the stand-in host's globals, so that the host can be
 * proven against exactly the code that will drive it (tests/e2e/host.test.ts) apart from the pane's UI.
 */
import { createOfficeCouncilSheets } from '#addin/excel/office-council-sheets';
import { createOfficeGateway, type OfficeGatewayOptions } from '#addin/excel/office-gateway';
import { ExcelFailure } from '#addin/excel/gateway';
import { ballotSheetSchema } from '#shared/council/ballot-sheet';
import { buildMinutes } from '#shared/council/minutes';
import type { Ballot } from '#shared/council/round';
import { tally } from '#shared/council/tally';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { buildColumns } from '#shared/sheet/columns';
import { CANDIDATES, FORMS, TIE_PAIRS } from '#tests/support/council';

const columns = buildColumns({ campaign: SEED_CAMPAIGN, units: DEMO_UNITS, people: DEMO_PEOPLE });

const council = {
  create: () => createOfficeCouncilSheets(),
  /** Eight ballots' pairs with a tie for the second Giấy khen (tests/support/council.ts). */
  tiePairs: TIE_PAIRS,
  schema: (ballots: number) =>
    ballotSheetSchema({ round: 1, candidates: CANDIDATES, forms: FORMS, awardForms: SEED_CAMPAIGN.awardForms, voteMark: 'x', ballots }),
  /** The tally of these ballots and its minutes, as the API returns them. */
  tallied(ballots: Ballot[]) {
    const result = tally(SEED_CAMPAIGN.council, {
      candidates: CANDIDATES,
      forms: FORMS,
      attendance: { present: ballots.length, writtenVotes: 0 },
      ballots,
    });
    const minutes = buildMinutes({ campaign: SEED_CAMPAIGN, round: { number: 1, candidates: CANDIDATES }, result, date: '2025-10-02' });
    return { result, minutes };
  },
};

const page = {
  columns,
  council,
  headers: columns.map((column) => column.header),
  create: (options: Omit<OfficeGatewayOptions, 'excel'> = {}) => createOfficeGateway({ editDebounceMs: 0, ...options }),
  /** An error as the pane would see it: its code and the Vietnamese message. */
  describe(error: unknown): { code: string; vi: string; message: string } {
    if (error instanceof ExcelFailure) return { code: error.code, vi: error.userMessage.vi, message: error.message };
    return { code: 'NotExcelFailure', vi: '', message: String(error) };
  },
};

declare global {
  interface Window {
    thiduaGateway?: typeof page;
    Excel?: unknown;
    Office?: unknown;
  }
}

window.thiduaHost!.attachPane(window);
window.thiduaGateway = page;

export type GatewayPage = typeof page;
