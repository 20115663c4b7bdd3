import type { BallotSheetSchema, ParsedBallots } from '#shared/council/ballot-sheet';
import type { TallyMinutes } from '#shared/council/minutes';
import type { PaperBallot } from '#shared/council/paper-ballot';
import type { TallyResult } from '#shared/council/tally';

/**
 * What the council's vote asks of Excel, in its own terms, beside the nomination sheet's ExcelGateway
 * (gateway.ts). The one implementation over Office.js is office-council-sheets.ts. Each method is one
 * Excel.run with a constant number of context.sync calls whatever the number of ballots or candidates:
 * a sheet is written in two (one to see whether it exists, one with everything), read in one.
 */
export interface CouncilSheets {
  /**
   * Lays out the round's ballot sheet ("Phiếu bầu vòng n") and shows it. A sheet of that name already
   * there is kept as it is, marks and all, and only shown: 'kept'.
   */
  writeBallotSheet(schema: BallotSheetSchema): Promise<'created' | 'kept'>;
  /** The ballots typed into the round's ballot sheet (one sync); undefined when the sheet is not there. */
  readBallotSheet(schema: BallotSheetSchema): Promise<ParsedBallots | undefined>;
  /** Writes (or rewrites) "Kết quả kiểm phiếu vòng n". */
  writeResultSheet(input: { round: number; campaignTitle: string; result: TallyResult; minutes: TallyMinutes }): Promise<void>;
  /**
   * Writes (or rewrites) "Biên bản kiểm phiếu vòng n", laid out for A4. `pageSetup` false: the host lacks
   * ExcelApi 1.9 (page layout), the sheet is written without it.
   */
  writeMinutesSheet(minutes: TallyMinutes): Promise<{ pageSetup: boolean }>;
  /**
   * Writes (or rewrites) the paper ballot to print and hand out ("Mẫu phiếu bầu vòng n"), beside the
   * ballot sheet the marks are typed into. `pageSetup` false: no ExcelApi 1.9, written without its print settings.
   */
  writePaperBallot(ballot: PaperBallot): Promise<{ pageSetup: boolean }>;
  /** context.sync calls made so far. */
  readonly syncCount: number;
}
