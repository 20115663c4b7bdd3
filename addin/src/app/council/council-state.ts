import type { Localized } from '#shared/localized';
import type { Attendance } from '#shared/council/round';
import type { VotingRound } from '#shared/council/voting-round';
import type { BallotsProgress } from '#addin/api/council-client';

/** The council's part of the pane's state and actions: types only, so the pane's core can name them without importing the council's flow. */

export interface CouncilState {
  members: number;
  allowWrittenVotes: boolean;
  voteMark: string;
  /** The campaign's award forms by code, in both languages: the pane names them in its own. */
  formNames: Record<string, Localized>;
  /** Who takes part, as the secretary entered it: the ballot sheet has present + written rows. */
  attendance: Attendance;
  /** The round in hand, as the server last returned it. */
  round?: VotingRound;
  /** Whether this user may annul a confirmed round (an administrator: shared/policy/council). */
  mayAnnul?: boolean;
  /** The count's ballots being sent in parts: how far they are. */
  sending?: BallotsProgress;
  /** context.sync calls of the last council action. */
  lastSyncs?: number;
}

export interface CouncilActions {
  setAttendance(attendance: Attendance): void;
  /** "Tạo phiếu bầu": opens a round (unless one is open) and lays out its ballot sheet. */
  createBallotSheet(): Promise<void>;
  /** "In phiếu bầu": the open round's paper ballot, on a sheet laid out to print. */
  printBallots(): Promise<void>;
  /** "Kiểm phiếu": reads the sheet, sends the ballots, tallies, writes the result sheet. */
  countBallots(): Promise<void>;
  /** "Biên bản kiểm phiếu": the minutes sheet, from the round's minutes. */
  writeMinutes(): Promise<void>;
  /** "Xác nhận kết quả": confirms, then reloads the nomination sheet (statuses from the server). */
  confirmResult(): Promise<void>;
  /** "Tạo vòng bỏ phiếu mới": after a tie, confirms this round if need be and opens the next one with its sheet. */
  newTieRound(): Promise<void>;
  /** "Kiểm tra dấu vân tay": recomputes the ballots' fingerprint from the ballot sheet and says whether the tally's matches. */
  checkFingerprint(): Promise<void>;
  /** "Hủy kết quả vòng" (an administrator, with the reason): the decisions back to eligible, the minutes marked annulled. */
  annulResult(reason: string): Promise<void>;
}

export function hasTie(round: VotingRound | undefined): boolean {
  return !!round?.result && !round.result.void && round.result.forms.some((form) => form.tie);
}

export function participating(state: Pick<CouncilState, 'attendance' | 'allowWrittenVotes'>): number {
  return state.attendance.present + (state.allowWrittenVotes ? state.attendance.writtenVotes : 0);
}
