import type { NomineeKind } from '#shared/campaign';
import type { User } from '#shared/org';
import { refuseRecordDecision } from '#shared/policy/nominations';
import { refuseImportHistory } from '#shared/policy/register';
import type { Localized } from '#shared/localized';

/** What the "Sổ khen thưởng" section asks: whose history (a name, a unit's name or a registry code), and the filters. */
export interface RegisterQuery {
  kind: NomineeKind;
  subject: string;
  year?: number;
  form?: string;
  unit?: string;
}

/**
 * "Ghi quyết định của cấp trên": what the form offers, taken from the nominations the last load read
 * (no request of its own): the forms a higher level decides, and per form the nominations awaiting it.
 */
export interface DecisionChoices {
  campaignId: string;
  forms: { code: string; name: Localized }[];
  nominations: { id: string; label: string; awardForm: string }[];
}

/** What HR typed and ticked: the date as dd/MM/yyyy, checked here before anything is sent. */
export interface DecisionDraft {
  awardForm: string;
  number: string;
  date: string;
  signer: string;
  nominationIds: string[];
}

export interface RegisterActions {
  /** "Tra cứu": the history looked up and written to the "Tra cứu khen thưởng" sheet. */
  lookup(query: RegisterQuery): Promise<void>;
  /** Lays the "Lịch sử khen thưởng" sheet out, unless it is there (what HR typed is never wiped). */
  openHistory(): Promise<void>;
  /** Sends the history sheet's rows; each row's answer is written beside it. */
  importHistory(): Promise<void>;
  /** "Ghi quyết định của cấp trên": the Province's decision on the ticked nominations, then the sheet reloaded. */
  recordDecision(draft: DecisionDraft): Promise<void>;
}

/** Whether the section offers the history sheet's import to this user (shared/policy/register.ts decides). */
export function mayImportHistory(user: Pick<User, 'role'> | undefined): boolean {
  return user !== undefined && refuseImportHistory(user) === undefined;
}

/** Whether the section offers "Ghi quyết định của cấp trên" (shared/policy/nominations.ts decides). */
export function mayRecordDecision(user: User | undefined): boolean {
  return user !== undefined && refuseRecordDecision(user) === undefined;
}
