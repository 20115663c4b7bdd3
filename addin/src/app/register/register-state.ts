import type { NomineeKind } from '#shared/campaign';
import type { User } from '#shared/org';
import { refuseImportHistory } from '#shared/policy/register';

/** What the "Sổ khen thưởng" section asks: whose history (a name, a unit's name or a registry code), and the filters. */
export interface RegisterQuery {
  kind: NomineeKind;
  subject: string;
  year?: number;
  form?: string;
  unit?: string;
}

export interface RegisterActions {
  /** "Tra cứu": the history looked up and written to the "Tra cứu khen thưởng" sheet. */
  lookup(query: RegisterQuery): Promise<void>;
  /** Lays the "Lịch sử khen thưởng" sheet out, unless it is there (what HR typed is never wiped). */
  openHistory(): Promise<void>;
  /** Sends the history sheet's rows; each row's answer is written beside it. */
  importHistory(): Promise<void>;
}

/** Whether the section offers the history sheet's import to this user (shared/policy/register.ts decides). */
export function mayImportHistory(user: Pick<User, 'role'> | undefined): boolean {
  return user !== undefined && refuseImportHistory(user) === undefined;
}
