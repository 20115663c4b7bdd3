import type { Issue } from '#shared/issues';
import type { Localized } from '#shared/localized';
import { localized, type MessageKey } from '#addin/i18n/index';
import type { HeldRow } from './save-plan';
import type { SendOutcome } from './save-results';

/**
 * The one status line a save leaves: how many rows it saved, refused (with why and whose), left in
 * conflict or unsent, and how many rows of the sheet still carry errors. It replaces whatever the
 * previous action said, so the pane never shows an earlier action's text as if it were this one's.
 */

/** Rows refused for one reason, by the nominee as the sheet shows it. */
export interface Refusal {
  reason: Localized;
  names: string[];
}

export interface SaveTally {
  saved: number;
  deleted: number;
  conflicts: number;
  /** Sent but not answered (the network, a failure): still unsaved. */
  unsent: number;
  /** Changed rows kept back because a cell cannot be read: the row says which. */
  held: number;
  refusals: Refusal[];
  /** Rows of the sheet whose findings include an error, after the save. */
  rowsWithErrors: number;
}

/** Groups refused rows by their reason (the same text in both languages), names in sheet order. */
export function groupRefusals(rows: readonly { reason: Localized; name: string }[]): Refusal[] {
  const groups = new Map<string, Refusal>();
  for (const { reason, name } of rows) {
    const key = `${reason.vi}\u0000${reason.en}`;
    const group = groups.get(key) ?? { reason, names: [] };
    group.names.push(name || '?');
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** How many distinct rows carry an error-severity finding (a finding on no row is the form's, not a row's). */
export function rowsWithErrors(issues: readonly Issue[]): number {
  return new Set(issues.flatMap((issue) => (issue.severity === 'error' && issue.nominationId ? [issue.nominationId] : []))).size;
}

/** Sentences in both languages, one after the other. */
export function joinLocalized(parts: readonly Localized[]): Localized {
  return { vi: parts.map((part) => part.vi).join(' '), en: parts.map((part) => part.en).join(' ') };
}

/**
 * The status line of a save. `headline` names what the saved rows were (a role action says "updated");
 * a save that found nothing to send says so, with the rows it had to keep back.
 */
export function saveStatus(tally: SaveTally, headline: MessageKey = 'status.saved'): Localized {
  const refused = tally.refusals.reduce((sum, refusal) => sum + refusal.names.length, 0);
  const sentNothing = tally.saved + tally.deleted + tally.conflicts + tally.unsent + refused === 0;
  const parts: Localized[] = [];
  if (sentNothing) parts.push(localized('save.nothing'));
  else parts.push(localized(headline, { n: tally.saved }));
  const counted: [MessageKey, number][] = [
    ['status.deleted', tally.deleted],
    ['status.conflicts', tally.conflicts],
    ['status.unsent', tally.unsent],
    ['status.held', tally.held],
    ['status.rowsWithErrors', tally.rowsWithErrors],
    // Last: its colon leads into the refused rows, listed in red under the line.
    ['status.refused', refused],
  ];
  for (const [key, n] of counted) if (n > 0) parts.push(localized(key, { n }));
  return joinLocalized(parts);
}

/** The refused rows of a save (by the server, or kept back knowing it would refuse them), grouped by reason. */
export function refusalsOf(args: {
  sends: readonly { rowKey: string; label: string }[];
  outcomes: ReadonlyMap<string, SendOutcome>;
  held: readonly HeldRow[];
}): Refusal[] {
  const rows: { reason: Localized; name: string }[] = [];
  for (const send of args.sends) {
    const outcome = args.outcomes.get(send.rowKey);
    if (outcome?.kind === 'rejected') rows.push({ reason: outcome.rejection.message, name: send.label });
    if (outcome?.kind === 'answered' && outcome.result.outcome === 'refused')
      rows.push({ reason: outcome.result.refusal?.message ?? localized('sheet.unsaved'), name: send.label });
  }
  for (const row of args.held) if (row.refusal) rows.push({ reason: row.refusal, name: row.label });
  return groupRefusals(rows);
}
