import type { BallotSheetSchema, ParsedBallots } from '#shared/council/ballot-sheet';
import type { PaperBallot } from '#shared/council/paper-ballot';
import type { Ballot } from '#shared/council/round';
import type { CouncilSheets } from '#addin/excel/council-gateway';

/** In-memory council sheets: the ballots "typed" by the test, and a record of every call (one sync each, two per write). */
export class FakeCouncilSheets implements CouncilSheets {
  readonly calls: string[] = [];
  readonly ballotSheets = new Map<number, { schema: BallotSheetSchema; ballots: Ballot[] }>();
  syncCount = 0;
  pageSetup = true;
  /** The paper ballots written, as the controller handed them over. */
  readonly paperBallots: PaperBallot[] = [];

  async writeBallotSheet(schema: BallotSheetSchema): Promise<'created' | 'kept'> {
    this.syncCount += 2;
    this.calls.push(`ballots:${schema.sheetName}:${schema.ballots}`);
    if (this.ballotSheets.has(schema.round)) return 'kept';
    this.ballotSheets.set(schema.round, {
      schema,
      ballots: Array.from({ length: schema.ballots }, (_, i) => ({ number: i + 1, marks: {} })),
    });
    return 'created';
  }

  async readBallotSheet(schema: BallotSheetSchema): Promise<ParsedBallots | undefined> {
    this.syncCount += 1;
    this.calls.push(`read:${schema.sheetName}`);
    const sheet = this.ballotSheets.get(schema.round);
    return sheet ? { ballots: sheet.ballots, problems: [] } : undefined;
  }

  async writeResultSheet(input: { round: number }): Promise<void> {
    this.syncCount += 2;
    this.calls.push(`result:${input.round}`);
  }

  async writeMinutesSheet(minutes: { round: number }): Promise<{ pageSetup: boolean }> {
    this.syncCount += 2;
    this.calls.push(`minutes:${minutes.round}`);
    return { pageSetup: this.pageSetup };
  }

  async writePaperBallot(ballot: PaperBallot): Promise<{ pageSetup: boolean }> {
    this.syncCount += 2;
    this.calls.push(`paper:${ballot.sheetName}`);
    this.paperBallots.push(ballot);
    return { pageSetup: this.pageSetup };
  }
}
