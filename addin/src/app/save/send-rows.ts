import type { RelatedRow, SaveBatchResult } from '#shared/api/index';
import type { Localized } from '#shared/localized';
import type { QuotaUsage } from '#shared/rules/quota';
import { isApiRequestError, type ApiRequestError } from '#addin/api/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import { errorDetail } from '#addin/app/core/pane-errors';
import type { SendOutcome } from './save-results';
import { asNewRow, type SendRow } from './save-plan';
import { mapLimit } from '#shared/async/map-limit';

/** The API side of a save: the rows sent in parts, and the rows the user deleted deleted. */

/** Rows the server refused one by one (403/422 naming a row) before a save gives up on the rest. */
const MAX_SEND_ROUNDS = 25;
const ROW_REFUSALS = new Set(['FORBIDDEN', 'FORBIDDEN_UNIT', 'FORBIDDEN_STATUS', 'INVALID_TRANSITION', 'RETURN_REASON_MISSING']);

export interface SendResult {
  outcomes: Map<string, SendOutcome>;
  quotaUsage?: QuotaUsage[];
  /** Other rows whose findings the save changed, each as the latest answer told of it. */
  related: Map<string, RelatedRow>;
  failure?: ApiRequestError;
  /** Ids the server did not know, whose rows went again as new ones. */
  converted: Set<string>;
}

export interface DeleteResult {
  deleted: string[];
  /** Network trouble: kept among the known ids, tried again with the next save. */
  retry: string[];
  failed: { id: string; message: Localized }[];
  conflicts: string[];
}

/**
 * Sends the rows (in parts, by the client). A row the server refuses for the role (403/422 naming it)
 * is kept back and the rest sent again; a row whose id the server does not know goes again as new.
 */
export async function sendRows(core: PaneCore, campaignId: string, sends: readonly SendRow[]): Promise<SendResult> {
  const outcomes = new Map<string, SendOutcome>();
  const converted = new Set<string>();
  const related = new Map<string, RelatedRow>();
  let quotaUsage: QuotaUsage[] | undefined;
  let toSend = [...sends];
  const total = sends.length;
  const record = (result: SaveBatchResult) => {
    for (const row of result.rows) if (row.rowKey !== undefined) outcomes.set(row.rowKey, { kind: 'answered', result: row });
    for (const row of result.related ?? []) related.set(row.id, row);
    if (result.rows.length > 0) quotaUsage = result.quotaUsage;
  };
  for (let round = 0; toSend.length > 0 && round < MAX_SEND_ROUNDS; round += 1) {
    const done = outcomes.size;
    try {
      record(
        await core.api.saveChanges(
          campaignId,
          toSend.map((send) => send.change),
          {
            keys: core.keys,
            sessionId: core.newSessionId(),
            onProgress: (progress) =>
              core.store.set({
                progress: {
                  phase: 'sending',
                  done: Math.min(total, done + progress.sentRows),
                  total,
                  chunk: progress.chunk,
                  chunks: progress.chunks,
                },
              }),
          },
        ),
      );
      toSend = [];
    } catch (error) {
      if (!isApiRequestError(error)) throw error;
      if (error.partial) record(error.partial);
      toSend = toSend.filter((send) => !outcomes.has(send.rowKey));
      const rowKey = errorDetail(error, 'rowKey');
      if (ROW_REFUSALS.has(String(error.code)) && typeof rowKey === 'string' && toSend.some((send) => send.rowKey === rowKey)) {
        outcomes.set(rowKey, { kind: 'rejected', rejection: { code: String(error.code), message: error.localized } });
        toSend = toSend.filter((send) => send.rowKey !== rowKey);
        continue;
      }
      const missing =
        error.code === 'NOMINATION_NOT_FOUND' ? new Set((errorDetail(error, 'ids') as string[] | undefined) ?? []) : new Set<string>();
      if (toSend.some((send) => send.change.id !== undefined && missing.has(send.change.id))) {
        toSend = toSend.map((send) => {
          if (send.change.id === undefined || !missing.has(send.change.id)) return send;
          converted.add(send.change.id);
          return asNewRow(send);
        });
        continue;
      }
      return { outcomes, ...(quotaUsage ? { quotaUsage } : {}), related, failure: error, converted };
    }
  }
  return { outcomes, ...(quotaUsage ? { quotaUsage } : {}), related, converted };
}

/** Deletes the nominations of the rows the user deleted, a few at a time, with the last version seen. */
export async function deleteRows(core: PaneCore, campaignId: string, ids: readonly string[]): Promise<DeleteResult> {
  const { store, memory } = core;
  const result: DeleteResult = { deleted: [], retry: [], failed: [], conflicts: [] };
  if (ids.length === 0) return result;
  let done = 0;
  store.set({ progress: { phase: 'deleting', done, total: ids.length } });
  await mapLimit(ids, core.deleteConcurrency, async (id) => {
    try {
      await core.api.deleteNomination(campaignId, id, memory.versions.get(id));
      result.deleted.push(id);
    } catch (error) {
      if (!isApiRequestError(error)) throw error;
      const current = errorDetail(error, 'current') as { deletedAt?: string } | undefined;
      if (error.code === 'NOMINATION_NOT_FOUND' || (error.code === 'VERSION_CONFLICT' && current?.deletedAt)) result.deleted.push(id);
      else if (error.code === 'VERSION_CONFLICT') result.conflicts.push(id);
      else if (error.retryable) result.retry.push(id);
      else result.failed.push({ id, message: error.localized });
    } finally {
      done += 1;
      store.set({ progress: { phase: 'deleting', done, total: ids.length } });
    }
  });
  for (const id of result.deleted) memory.versions.delete(id);
  return result;
}
