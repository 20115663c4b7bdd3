import { randomUUID } from 'node:crypto';
import type { RowResult, SaveBatchRequest, SaveBatchResult } from '#shared/api/save';
import type { StoredCampaign } from '#shared/api/campaign';
import { todayInVietnam } from '#shared/dates';
import { makeIssue, type Issue } from '#shared/issues';
import { formulaLikeFields, nomineeKey, type Nomination, type NominationChange } from '#shared/nomination';
import type { User } from '#shared/org';
import { beingDecidedIssue, refuseByFindings, refuseChange, unreadableAs } from '#shared/policy/nominations';
import { COUNCIL_DECISION_REFUSED } from '#shared/api-errors';
import { isCouncilDecision, isSubmission } from '#shared/status';
import {
  checkNomination,
  makeRuleContext,
  nominationFindings,
  quotaDeltas,
  quotaRefusal,
  summarizeFindings,
  type QuotaDelta,
  type QuotaUsage,
  type RuleContext,
} from '#shared/rules/index';
import { ApiError } from '#functions/http/errors';
import { auditItems, type AuditEntry } from '#functions/store/audit-store';
import type { Db } from '#functions/store/client';
import { getNominations } from '#functions/store/nomination-reads';
import {
  putGuardedNomination,
  putNewNominations,
  putVersionedNominations,
  type VersionedWrite,
  type WriteOutcome,
} from '#functions/store/nomination-writes';
import { nominationsByNominee } from '#functions/store/nominee-index';
import { moveCountsAndReadUsage, statusCountDeltas } from '#functions/store/quota-counters';
import { loadRegistry } from '#functions/store/org-store';
import { awardsOfNominees, type NomineeAwards } from '#functions/register/nominee-awards';
import { diffNominations } from './audit-diff';
import { conflictResult, refusedResult } from './row-results';
import { nomineeClaims, relatedIds, relatedRows, type Claims } from './related';

/** Time-ordered ids: a campaign's rows list in the order they were first saved. */
export function newNominationId(): string {
  return `n${Date.now().toString(36)}${randomUUID().slice(24)}`;
}

interface PlannedRow {
  change: NominationChange;
  before: Nomination | undefined;
  after: Nomination;
  deltas: QuotaDelta[];
  /** Its own rules' findings, from the check before writing, at the stored row's id (none for a new row). */
  own: Issue[];
}

/**
 * The product's validation on save. Every row the client changed is stored, even when it breaks a rule,
 * so nothing typed is lost; except a row someone else changed since (a conflict, answered with the
 * server's row) and a row that would push a quota over its cap (refused atomically). Bad input or a
 * forbidden change refuses the whole batch before anything is written.
 */
export async function saveBatch(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  request: SaveBatchRequest,
  requestId: string,
): Promise<SaveBatchResult> {
  const ids = request.rows.flatMap((row) => (row.id ? [row.id] : []));
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0) throw new ApiError('DUPLICATE_ROW_ID', { ids: [...new Set(repeated)] });

  // Rule 8 needs the other nominations of each nominee as they stand before this save. The lookup
  // runs while the rows are written: this batch's own rows are taken out of what it finds and put
  // back as saved, so it does not matter whether it sees them.
  const nominees = request.rows.map((row) => ({ nomineeKind: row.nomineeKind, nomineeId: row.nomineeId }));
  const nomineeLookup = nominationsByNominee(db, campaign.id, nominees);
  nomineeLookup.catch(() => undefined); // awaited below; a failure before then must not go unhandled
  const [registry, stored] = await Promise.all([
    loadRegistry(db),
    getNominations(db, campaign.id, ids, { files: campaign.dossierFilesRequired }),
  ]);
  // A row the user may not read is answered as one that does not exist (a conflict answer would hand
  // them its version and status), unless it is the clerk's own row HR took over (refused below).
  const missing = ids.filter((id) => {
    const row = stored.get(id);
    return !row || unreadableAs(user, row) === 'not_found';
  });
  if (missing.length > 0) throw new ApiError('NOMINATION_NOT_FOUND', { ids: missing });
  // A row whose nominee changes leaves its old nominee's other nominations: rule 8 needs those too.
  const asked = new Set(nominees.map(nomineeKey));
  const left = [...stored.values()].filter((nomination) => !nomination.deletedAt && !asked.has(nomineeKey(nomination)));
  const leftLookup = left.length > 0 ? nominationsByNominee(db, campaign.id, left) : Promise.resolve(new Map<string, string[]>());
  leftLookup.catch(() => undefined);

  const now = new Date().toISOString();
  const ctx = makeRuleContext(campaign, registry.units, registry.people);
  // Rule 8 against the register: the entries under the saved nominees' names, read while the rows are written.
  const awardsLookup = awardsOfNominees(db, ctx, nominees);
  awardsLookup.catch(() => undefined);
  // Rows answered before any write: conflicts, and rows refused by their findings.
  const answered: RowResult[] = [];
  const planned: PlannedRow[] = [];
  request.rows.forEach((change, index) => {
    const before = change.id ? stored.get(change.id) : undefined;
    if (before && unreadableAs(user, before) === 'taken_over') {
      const issue = makeIssue('NOMINATION_TAKEN_OVER', 'error', { nominationId: before.id, rowKey: change.rowKey });
      answered.push({ ...refusedResult(change, undefined, [], issue), id: before.id });
      return;
    }
    const decided = before && beingDecidedIssue(before, { rowKey: change.rowKey });
    if (decided) {
      answered.push(refusedResult(change, before, [], decided));
      return;
    }
    if (before && (before.version !== change.version || before.deletedAt)) {
      answered.push(conflictResult(user, change, before));
      return;
    }
    const { id: _id, version: _version, rowKey: _rowKey, ...fields } = change;
    const refusal = refuseChange(user, before, fields);
    if (refusal) {
      // A move the council's rounds alone make says so (the code stays INVALID_TRANSITION).
      const council = refusal === 'INVALID_TRANSITION' && before && isCouncilDecision(before.status, fields.status);
      const details = { row: index, rowKey: change.rowKey, id: change.id, status: fields.status };
      throw new ApiError(refusal, details, council ? COUNCIL_DECISION_REFUSED : undefined);
    }
    const stampReceipt = isSubmission(before?.status, fields.status) && !fields.receivedDate;
    // The row's fields spread last: V8 copies a spread quickly only into a literal's end (see toItem).
    const after: Nomination = {
      id: before?.id ?? newNominationId(),
      campaignId: campaign.id,
      version: (before?.version ?? 0) + 1,
      createdAt: before?.createdAt ?? now,
      createdBy: before?.createdBy ?? user.email,
      updatedAt: now,
      updatedBy: user.email,
      ...fields,
    };
    // Rule 5 counts the files when the campaign asks for them; a save never changes them.
    if (before?.files) after.files = before.files;
    if (stampReceipt) after.receivedDate = todayInVietnam();
    // Eligible and submitted ask more of the row than any other status: refused, nothing written.
    const target = { nominationId: before?.id, rowKey: change.rowKey };
    const findings = checkNomination(ctx, after, target);
    const blocked = refuseByFindings(user, before, after, findings, campaign);
    if (blocked) {
      answered.push(refusedResult(change, before, findings, { ...blocked, ...target }));
      return;
    }
    planned.push({ change, before, after, deltas: quotaDeltas(campaign, before, after), own: findings });
  });

  const outcomes = await writePlannedRows(db, campaign.id, user, planned, requestId, now);
  const savedRows = planned.filter((row) => outcomes.get(row.after.id)?.outcome === 'saved');

  const [quotaUsage, latest, found, foundLeft, awards] = await Promise.all([
    moveCountsAndReadUsage(db, campaign, statusCountDeltas(savedRows)),
    reloadConflicts(db, campaign.id, planned, outcomes),
    nomineeLookup,
    leftLookup,
    awardsLookup,
  ]);
  const savedIds = new Set(savedRows.map((row) => row.after.id));
  const around = nomineeClaims(new Map([...found, ...foundLeft]), planned, savedIds);
  const claims = around.after;
  const batchIds = new Set(planned.map((row) => row.after.id));
  const related = await relatedRows(db, campaign, user, relatedIds(around, batchIds), (nomination) =>
    rowIssues(ctx, quotaUsage, claims, awards, nomination, { nominationId: nomination.id }),
  );

  const rows: RowResult[] = [...answered];
  for (const row of planned) {
    const outcome = outcomes.get(row.after.id)!;
    if (outcome.outcome === 'conflict') {
      rows.push(conflictResult(user, row.change, latest.get(row.after.id) ?? row.before!));
      continue;
    }
    const target = { nominationId: outcome.outcome === 'saved' ? row.after.id : row.before?.id, rowKey: row.change.rowKey };
    // A new row's findings were made before it had an id: they name it now that it is stored.
    const own =
      target.nominationId === row.before?.id ? row.own : row.own.map((issue) => ({ ...issue, nominationId: target.nominationId }));
    const issues = rowIssues(ctx, quotaUsage, claims, awards, row.after, target, own);
    const result: RowResult = {
      outcome: outcome.outcome,
      issues,
      textFields: formulaLikeFields(row.after),
      ...(row.change.rowKey !== undefined ? { rowKey: row.change.rowKey } : {}),
    };
    if (outcome.outcome === 'saved') {
      Object.assign(result, { id: row.after.id, version: row.after.version, status: row.after.status });
      if (row.after.receivedDate !== row.change.receivedDate) result.receivedDate = row.after.receivedDate;
    } else if (outcome.outcome === 'refused') {
      const used = quotaUsage.find((u) => u.ruleId === outcome.delta.rule.id && u.scopeKey === outcome.delta.scopeKey)?.used ?? 0;
      result.refusal = { ...quotaRefusal(ctx, outcome.delta.rule, outcome.delta.scopeKey, used + 1), ...target };
      if (row.before) Object.assign(result, { id: row.before.id, version: row.before.version, status: row.before.status });
    }
    rows.push(result);
  }
  return {
    rows,
    quotaUsage,
    related,
    summary: {
      saved: rows.filter((r) => r.outcome === 'saved').length,
      conflicts: rows.filter((r) => r.outcome === 'conflict').length,
      refused: rows.filter((r) => r.outcome === 'refused').length,
      ...summarizeFindings(rows.flatMap((row) => row.issues)),
    },
  };
}

function rowIssues(
  ctx: RuleContext,
  quotaUsage: QuotaUsage[],
  claims: Claims,
  awards: NomineeAwards,
  nomination: Nomination,
  target: { nominationId?: string; rowKey?: string },
  own?: Issue[],
): Issue[] {
  const timesNominated = claims.get(nomineeKey(nomination))?.size ?? 0;
  return nominationFindings(ctx, nomination, target, { timesNominated, quotaUsage, awards: awards(nomination), ...(own ? { own } : {}) });
}

async function reloadConflicts(db: Db, campaignId: string, planned: PlannedRow[], outcomes: Map<string, WriteOutcome>) {
  const ids = planned.filter((row) => outcomes.get(row.after.id)?.outcome === 'conflict').map((row) => row.after.id);
  return ids.length > 0 ? getNominations(db, campaignId, ids) : new Map<string, Nomination>();
}

/**
 * Writes in the order that keeps quotas right and requests few: rows giving places back first, then
 * rows that touch no quota (new ones in plain batches, changed ones in versioned transactions), then
 * rows taking places, one transaction each, in the order the client sent them.
 */
async function writePlannedRows(
  db: Db,
  campaignId: string,
  user: User,
  planned: PlannedRow[],
  requestId: string,
  now: string,
): Promise<Map<string, WriteOutcome>> {
  const outcomes = new Map<string, WriteOutcome>();
  const record = (outcome: WriteOutcome) => outcomes.set(outcome.id, outcome);
  const entry = (row: PlannedRow | (VersionedWrite & { before?: Nomination })): AuditEntry => {
    const after = 'after' in row ? row.after : row.nomination;
    return {
      at: now,
      actor: user.email,
      action: row.before ? 'update' : 'create',
      nominationId: after.id,
      changes: diffNominations(row.before, after),
    };
  };
  const toWrite = (row: PlannedRow): VersionedWrite & { before?: Nomination } => ({
    nomination: row.after,
    expectedVersion: row.before?.version,
    before: row.before,
  });
  let part = 0;
  const auditKey = () => `${requestId}-${part++}`;

  const guardedWrite = (row: PlannedRow) =>
    putGuardedNomination(db, toWrite(row), row.deltas, auditItems(campaignId, auditKey(), [entry(row)])[0]!);
  const guarded = planned.filter((row) => row.deltas.length > 0);
  const releasing = guarded.filter((row) => row.deltas.every((d) => d.delta < 0));
  for (const row of releasing) record(await guardedWrite(row));
  await writePlain();
  for (const row of guarded.filter((row) => !releasing.includes(row))) record(await guardedWrite(row));
  return outcomes;

  async function writePlain() {
    const plain = planned.filter((row) => row.deltas.length === 0);
    const fresh = plain.filter((row) => !row.before);
    if (fresh.length > 0) {
      await putNewNominations(
        db,
        fresh.map((row) => row.after),
        auditItems(campaignId, auditKey(), fresh.map(entry)),
      );
      fresh.forEach((row) => record({ id: row.after.id, outcome: 'saved' }));
    }
    const changed = plain.filter((row) => row.before).map(toWrite);
    if (changed.length > 0) {
      const results = await putVersionedNominations(db, changed, (written) => auditItems(campaignId, auditKey(), written.map(entry))[0]!);
      results.forEach(record);
    }
  }
}
