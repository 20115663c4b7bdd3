import type { User } from '#shared/org';
import { sheetText } from '#shared/sheet/columns';
import { STATUS_LABELS } from '#shared/sheet/labels';
import type { Issue } from '#shared/issues';
import type { NominationFields } from '#shared/nomination';
import { refuseByFindings, STATUS_ACTIONS, statusActionsFor, submitsWith, type StatusActionId } from '#shared/policy/nominations';
import { canTransition } from '#shared/status';
import type { PatchInput, RowPatch } from '#addin/app/save/save-plan';

/** The status moves the pane offers: a unit submits its drafts; HR returns or finds eligible the selected rows. */
export type RoleActionId = StatusActionId;

/** What the pane shows to this user (shared/policy decides; the server checks again). */
export function availableActions(user: User | undefined): RoleActionId[] {
  return statusActionsFor(user);
}

/** A row the action leaves as it is because the server would refuse it: why, in vi and en. */
export interface BlockedRow {
  rowIndex: number;
  refusal: Issue;
}

export interface ActionPatch {
  patch: (row: PatchInput) => RowPatch | undefined;
  stats: { matched: number; skipped: number; blocked: BlockedRow[] };
}

/** The shared rules on one nomination, as the pane can run them (the campaign, units and people it loaded). */
export type RowFindings = (fields: NominationFields) => Issue[];

/**
 * The cells an action changes: the status (by its sheet label) and, for a return, the reason. Submit
 * takes the unit's own draft and returned rows; the others take the selected rows that may move to the
 * new status (the rest are counted as skipped).
 */
export function actionPatch(
  action: RoleActionId,
  user: User,
  options: {
    selected?: readonly number[];
    reason?: string;
    /** With the rules, a row the server would refuse (an incomplete submission, an ineligible row) is not sent. */
    findings?: RowFindings;
    campaign?: { allowIncompleteSubmission?: boolean };
  } = {},
): ActionPatch {
  const target = STATUS_ACTIONS[action];
  const selected = new Set(options.selected ?? []);
  const stats = { matched: 0, skipped: 0, blocked: [] as BlockedRow[] };
  const patch = ({ rowIndex, parsed }: PatchInput): RowPatch | undefined => {
    const fields = parsed.fields;
    if (!fields) return undefined;
    if (action === 'submit') {
      if (!submitsWith(user, fields)) return undefined;
    } else {
      if (!selected.has(rowIndex)) return undefined;
      if (fields.status === target || !canTransition(fields.status, target)) {
        stats.skipped += 1;
        return undefined;
      }
    }
    if (options.findings) {
      const after = { ...fields, status: target };
      const refusal = refuseByFindings(user, fields, after, options.findings(after), options.campaign ?? {});
      if (refusal) {
        stats.blocked.push({ rowIndex, refusal });
        return undefined;
      }
    }
    stats.matched += 1;
    const cells: RowPatch['cells'] = { status: STATUS_LABELS[target] };
    if (action === 'return') cells.returnReason = sheetText(options.reason?.trim());
    return { cells };
  };
  return { patch, stats };
}
