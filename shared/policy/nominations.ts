import type { Campaign } from '#shared/campaign';
import { makeIssue, type Issue } from '#shared/issues';
import type { ValidationReport } from '#shared/rules/index';
import { summarizeFindings } from '#shared/rules/findings';
import {
  NOMINATION_FIELDS,
  type Nomination,
  type NominationField,
  type NominationFieldKind,
  type NominationFields,
} from '#shared/nomination';
import type { Role, User } from '#shared/org';
import { canTransition, isDraftLike, UNIT_STATUSES, type NominationStatus } from '#shared/status';
import { unlessRole, type Refusal } from './roles';

type Row = NominationFields;
type Held = Pick<NominationFields, 'unitId' | 'status'>;

/** Everyone but a viewer writes nominations (what each may change is decided below). */
const WRITERS: readonly Role[] = ['admin', 'hr', 'unit', 'secretary'];

/**
 * Who may change each kind of field. The council's secretary records the council's decision; the
 * dossier itself is the units' and HR's. Which status each may set is the next table's business.
 */
const FIELD_EDITORS: Record<NominationFieldKind, readonly Role[]> = {
  content: ['admin', 'hr', 'unit'],
  status: WRITERS,
  returnReason: WRITERS,
  note: WRITERS,
  // The reason of an eligibility override is the administrator's alone (refuseEligibility).
  override: ['admin'],
};

/**
 * Who may move a nomination into each status by saving its row (beyond the unit's own statuses, HR
 * drives the flow). An administrator finds a nomination eligible only to override its findings, with a
 * reason (refuseEligibility). Nobody saves selected or not selected: only a confirmed round sets them.
 */
const ROLES_SETTING_STATUS: Record<NominationStatus, readonly Role[]> = {
  draft: ['unit', 'hr', 'admin'],
  submitted: ['unit', 'hr', 'admin'],
  returned: ['hr', 'admin'],
  eligible: ['hr', 'admin'],
  selected: [],
  not_selected: [],
  awarded: ['hr', 'admin'],
};

/** Deleting (recoverably) is the unit's own business while it holds the row, and HR's afterwards. */
const DELETERS: readonly Role[] = ['admin', 'hr', 'unit'];

/** Awarded comes only from recording a decision (number, date, signer): HR records it, an admin may. */
const DECISION_RECORDERS: readonly Role[] = ['hr', 'admin'];

export function roleMaySetStatus(role: Role, status: NominationStatus): boolean {
  return ROLES_SETTING_STATUS[status].includes(role);
}

export function mayChangeField(role: Role, field: NominationField): boolean {
  return FIELD_EDITORS[NOMINATION_FIELDS[field].kind].includes(role);
}

/** A unit clerk sees only the unit's own nominations, and only while the unit still holds them. */
export function mayRead(user: User, nomination: Held): boolean {
  if (user.role !== 'unit') return true;
  return nomination.unitId === user.unitId && UNIT_STATUSES.includes(nomination.status);
}

/**
 * How a save naming a row its user may not read is answered: the unit's own row that HR has taken over
 * is refused as such (the clerk had it in the sheet, nothing new is told); any other as not found, so
 * that nothing about it is told, not even that it exists.
 */
export function unreadableAs(user: User, nomination: Held & { deletedAt?: string }): 'not_found' | 'taken_over' | undefined {
  if (mayRead(user, nomination)) return undefined;
  return user.role === 'unit' && nomination.unitId === user.unitId && !nomination.deletedAt ? 'taken_over' : 'not_found';
}

export function mayWriteNominations(user: Pick<User, 'role'>): boolean {
  return WRITERS.includes(user.role);
}

/** Saving nominations at all: a viewer reads only. */
export function refuseWriting(user: Pick<User, 'role'>): Refusal {
  return unlessRole(user, WRITERS);
}

/** Listing: a unit clerk may filter on its own unit only. */
export function refuseListing(user: User, query: { unitId?: string | undefined }): Refusal {
  return user.role === 'unit' && query.unitId && query.unitId !== user.unitId ? 'FORBIDDEN_UNIT' : undefined;
}

/** Deleted rows are listed for those who restore them, never for a unit clerk. */
export function mayListDeleted(user: User): boolean {
  return user.role !== 'unit';
}

/** A nomination as a user may see it in a listing filtered on unit and status. */
export function listed(user: User, query: { unitId?: string | undefined; status?: NominationStatus | undefined }) {
  return (n: Held) => mayRead(user, n) && (!query.unitId || n.unitId === query.unitId) && (!query.status || n.status === query.status);
}

/**
 * The validation report as a user may see it: a unit clerk sees the findings on the unit's own
 * nominations and counts of those; quotas stay campaign-wide.
 */
export function reportFor(user: User, report: ValidationReport, nominations: readonly (Held & { id: string })[]): ValidationReport {
  if (user.role !== 'unit') return report;
  const visible = new Set(nominations.filter((n) => mayRead(user, n)).map((n) => n.id));
  const issues = report.issues.filter((issue) => issue.nominationId && visible.has(issue.nominationId));
  return { ...report, issues, counts: { nominations: visible.size, ...summarizeFindings(issues) } };
}

function changedFields(before: Row, after: Row): NominationField[] {
  return (Object.keys(NOMINATION_FIELDS) as NominationField[]).filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
}

/**
 * Why a user may not make this change to a nomination (undefined: they may). `before` is the stored
 * nomination, absent for a new one. Only HR marks a nomination eligible; a return needs a reason.
 */
export function refuseChange(user: User, before: Row | undefined, after: Row): Refusal {
  if (!mayWriteNominations(user)) return 'FORBIDDEN';
  if (user.role === 'unit') {
    if (after.unitId !== user.unitId) return 'FORBIDDEN_UNIT';
    if (before && !mayRead(user, before)) return 'FORBIDDEN_UNIT';
  }
  // A new nomination is content from scratch: only those who write content create one.
  const touched = before ? changedFields(before, after) : (['unitId'] as NominationField[]);
  if (touched.some((field) => !mayChangeField(user.role, field))) return 'FORBIDDEN';
  const statusChanges = !before || before.status !== after.status;
  if (statusChanges && !roleMaySetStatus(user.role, after.status)) return 'FORBIDDEN_STATUS';
  if (before && !canTransition(before.status, after.status)) return 'INVALID_TRANSITION';
  if (after.status === 'returned' && statusChanges && !after.returnReason?.trim()) return 'RETURN_REASON_MISSING';
  return undefined;
}

/** A finding that is only a warning, yet keeps a nomination from the ballot: a dossier that came late. */
const BLOCKS_ELIGIBILITY: readonly string[] = ['LATE_SUBMISSION'];

/** The findings that keep a nomination from moving into this status (none for other statuses). */
export function blockingFindings(status: NominationFields['status'], findings: readonly Issue[]): Issue[] {
  if (status === 'eligible') return findings.filter((f) => f.severity === 'error' || BLOCKS_ELIGIBILITY.includes(f.code));
  if (status === 'submitted') return findings.filter((f) => f.severity === 'error');
  return [];
}

/**
 * Whether a row may be written in its status, given its own findings as it will be saved (the rules
 * on one nomination). Eligible requires none that blocks it, unless an administrator overrides with
 * a reason; a submission requires no error, unless the campaign lets incomplete dossiers be sent. A
 * submitted row edited afterwards is stored with its findings (nothing typed is lost).
 */
export function refuseByFindings(
  user: Pick<User, 'role'>,
  before: Row | undefined,
  after: Row,
  findings: readonly Issue[],
  campaign: Partial<Pick<Campaign, 'allowIncompleteSubmission'>>,
): Issue | undefined {
  // A submission is judged when it is made; eligibility also while the row stays eligible and its content changes.
  const moves = !before || before.status !== after.status;
  const touched = moves || (after.status === 'eligible' && changedFields(before, after).some((f) => mayChangeContent(f)));
  if (!touched) return undefined;
  const blocking = blockingFindings(after.status, findings);
  if (blocking.length === 0) return undefined;
  if (after.status === 'eligible' && user.role === 'admin' && after.overrideReason?.trim()) return undefined;
  if (after.status === 'submitted' && campaign.allowIncompleteSubmission) return undefined;
  const problems = { vi: blocking.map((f) => f.message.vi).join('; '), en: blocking.map((f) => f.message.en).join('; ') };
  return makeIssue(after.status === 'eligible' ? 'NOT_ELIGIBLE' : 'SUBMISSION_INCOMPLETE', 'error', { field: 'status' }, { problems });
}

const mayChangeContent = (field: NominationField) => NOMINATION_FIELDS[field].kind === 'content';

/**
 * What the add-in can tell before sending a row, without the stored row: a new row is judged whole;
 * a changed row only on its unit (the server judges the rest against what it holds).
 */
export function refuseUnseenChange(user: User, after: Row, isNew: boolean): Refusal {
  if (isNew) return refuseChange(user, undefined, after);
  return user.role === 'unit' && after.unitId !== user.unitId ? 'FORBIDDEN_UNIT' : undefined;
}

/**
 * Why a user may not delete or restore a nomination. Without the nomination, the role alone is judged
 * (before the row is even read: a forbidden request learns nothing about it).
 */
export function refuseDelete(user: User, nomination?: Held & Pick<Nomination, 'councilLock'>): Refusal {
  const byRole = unlessRole(user, DELETERS);
  if (byRole || !nomination) return byRole;
  if (!mayRead(user, nomination)) return 'FORBIDDEN_UNIT';
  return refuseWhileDecided(nomination);
}

/**
 * A nomination a round's confirmation or annulment is writing (its steps lock each decided nomination
 * until its decision is written) changes for nobody meanwhile, whatever the role: a deletion or a
 * decision is refused with this code; a save refuses the row (`beingDecidedIssue`).
 */
export function refuseWhileDecided(nomination: Pick<Nomination, 'councilLock'>): Refusal {
  return nomination.councilLock ? 'NOMINATION_BEING_DECIDED' : undefined;
}

/** A saved row whose nomination a round is writing: refused in its row, the others saved. */
export function beingDecidedIssue(nomination: Pick<Nomination, 'councilLock' | 'id'>, target: { rowKey?: string }): Issue | undefined {
  if (!refuseWhileDecided(nomination)) return undefined;
  return makeIssue('NOMINATION_BEING_DECIDED', 'error', { nominationId: nomination.id, ...target }, { round: nomination.councilLock! });
}

export function refuseRecordDecision(user: User): Refusal {
  return unlessRole(user, DECISION_RECORDERS);
}

/** The status moves the pane offers as actions on rows: a unit submits, HR returns or finds eligible. */
export const STATUS_ACTIONS = { submit: 'submitted', return: 'returned', eligible: 'eligible' } as const satisfies Record<
  string,
  NominationStatus
>;
export type StatusActionId = keyof typeof STATUS_ACTIONS;

export function statusActionsFor(user: User | undefined): StatusActionId[] {
  if (!user || !mayWriteNominations(user)) return [];
  const actions: StatusActionId[] = [];
  if (user.role === 'unit' && roleMaySetStatus(user.role, 'submitted')) actions.push('submit');
  if (user.role !== 'unit' && roleMaySetStatus(user.role, 'returned')) actions.push('return');
  // An administrator is offered it too: the rules hold back a row with findings unless its override reason is typed.
  if (roleMaySetStatus(user.role, 'eligible')) actions.push('eligible');
  return actions;
}

/** The rows a unit's "submit" takes: its own, still being prepared. */
export function submitsWith(user: User, nomination: Held): boolean {
  return nomination.unitId === user.unitId && isDraftLike(nomination.status);
}
