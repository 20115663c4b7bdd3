import { isApiRequestError } from '#addin/api/index';
import { ExcelFailure } from '#addin/excel/gateway';
import { localized, type MessageKey } from '#addin/i18n/index';
import { decodeKnownIds, encodeKnownIds, sameIds } from '#addin/app/core/known-ids';
import { summarizeFindings } from '#shared/rules/findings';
import { makeRuleContext } from '#shared/rules/index';
import { issuesAfterSave } from '#addin/app/report/after-save';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { PaneReport } from '#addin/app/report/pane-report';
import type { LastSave, PaneState } from '#addin/app/core/pane-types';
import { buildWrites, markedIds, relatedWrites, restoredWrites, sendPlacements } from './save-results';
import { planSave, type PatchInput, type RowPatch } from './save-plan';
import { deleteRows, sendRows } from './send-rows';
import { SHEET_LANGUAGE } from '#addin/app/sheet/sheet';
import { joinLocalized, refusalsOf, rowsWithErrors, saveStatus, type SaveTally } from './save-status';

/**
 * One save, from the sheet to the server and back: read the rows, send the changed ones and delete the
 * deleted ones, write each answer onto its row, and keep what the pane must remember (versions, ids,
 * conflicts). Never two at once: the scheduler (autosave.ts) runs it inside the sheet's one-at-a-time rule.
 */

export interface SaveOptions {
  /** A role action's change to the rows before they are sent. */
  patch?: (row: PatchInput) => RowPatch | undefined;
  /** What the status line calls the saved rows ("updated" for a role action). */
  headline?: MessageKey;
}

const NO_ROWS: SaveTally = { saved: 0, deleted: 0, conflicts: 0, unsent: 0, held: 0, refusals: [], rowsWithErrors: 0 };

export interface SaveHooks {
  starting(): void;
  ended(retryLater: boolean): void;
}

export interface SaveFlow {
  run(options?: SaveOptions): Promise<void>;
}

export function createSaveFlow(core: PaneCore, report: PaneReport, hooks: SaveHooks): SaveFlow {
  const { gateway, store, memory } = core;

  async function run(options: SaveOptions = {}): Promise<void> {
    const { ctx, columns } = memory;
    const campaignId = store.state.campaignId;
    if (!ctx || !campaignId || !core.signedIn() || !core.mayWrite() || store.state.sheet === 'other-campaign') return;
    const language = SHEET_LANGUAGE;
    const syncsBefore = gateway.syncCount;
    hooks.starting();
    // A new action: the previous one's status line goes, this save's replaces it.
    store.set({ saving: true, error: undefined, notice: undefined, refusals: undefined, retry: undefined, progress: { phase: 'reading' } });
    let retryLater = false;
    try {
      const snapshot = await gateway.readRows(columns);
      if (memory.knownIds === undefined) {
        const stored = decodeKnownIds(snapshot.knownIds);
        if (stored.campaignId && stored.campaignId !== campaignId) {
          store.set({ sheet: 'other-campaign', error: localized('error.otherCampaign', { campaign: stored.campaignId }) });
          return;
        }
        memory.knownIds = stored.ids;
      }
      const known = memory.knownIds;
      const rowCountAtRead = snapshot.rows.length;
      store.set({ edited: false });
      const plan = planSave({
        rows: snapshot.rows,
        columns,
        ctx,
        knownIds: known,
        language,
        user: store.state.user!,
        ...(options.patch ? { patch: options.patch } : {}),
      });
      memory.rowIds = plan.rowIds;
      memory.labels = plan.labels;
      // A row refused (or kept back) and then set back to what was saved shows its findings again.
      const restored = restoredWrites(memory.marked, plan.unchangedRows, memory.reportIssues, columns, language);
      const remark = (ids: readonly string[]) => {
        for (const id of plan.unchangedRows.keys()) memory.marked.delete(id);
        for (const id of ids) memory.marked.add(id);
        // Every row this save wrote on and left unsaved says why: no hint over it until it is edited.
        memory.answered = new Set([...plan.sends, ...plan.held].map((row) => row.fingerprint));
      };

      if (plan.sends.length === 0 && plan.deletes.length === 0) {
        if (plan.held.length > 0 || restored.length > 0) {
          store.set({ progress: { phase: 'writing' } });
          await gateway.writeResults(columns, {
            rowCountAtRead,
            writes: [...buildWrites({ sends: [], held: plan.held, outcomes: new Map(), columns, language }), ...restored],
          });
        }
        remark(markedIds([], new Map(), plan.held));
        const tally = {
          ...NO_ROWS,
          held: plan.held.filter((row) => !row.refusal).length,
          refusals: refusalsOf({ sends: [], outcomes: new Map(), held: plan.held }),
        };
        store.set({
          unsavedRows: plan.held.length,
          sheet: 'ready',
          notice: saveStatus({ ...tally, rowsWithErrors: rowsWithErrors(memory.reportIssues) }, options.headline),
          refusals: tally.refusals,
        });
        return;
      }

      const sent = await sendRows(core, campaignId, plan.sends);
      const deletion = await deleteRows(core, campaignId, plan.deletes);

      // What the sheet now holds, for the next save to tell deleted rows: written with the results.
      const answered = [...sent.outcomes.entries()].flatMap(([rowKey, outcome]) =>
        outcome.kind === 'answered' ? [{ rowKey, result: outcome.result }] : [],
      );
      const savedIds = answered.flatMap(({ result }) => (result.outcome === 'saved' && result.id ? [result.id] : []));
      const nextKnown = [...new Set([...plan.presentIds.filter((id) => !sent.converted.has(id)), ...savedIds, ...deletion.retry])];
      const knownIds = sameIds(nextKnown, known) ? undefined : encodeKnownIds(campaignId, nextKnown);

      // The answers onto their rows, found again where they are now (the user may have sorted or typed
      // meanwhile): the gateway reads the sheet and writes in the same call.
      store.set({ progress: { phase: 'writing' } });
      const writes = [
        ...buildWrites({
          sends: plan.sends,
          held: plan.held,
          outcomes: sent.outcomes,
          ...(sent.failure ? { failure: sent.failure } : {}),
          columns,
          language,
        }),
        ...relatedWrites(sent.related.values(), plan.unchangedRows, columns, language),
      ];
      const relatedIds = new Set([...sent.related.keys()]);
      writes.push(...restored.filter((write) => !relatedIds.has(write.expect.id!)));
      remark(markedIds(plan.sends, sent.outcomes, plan.held));
      const written =
        writes.length > 0 || knownIds
          ? await gateway.writeResults(columns, { rowCountAtRead, writes, ...(knownIds ? { knownIds } : {}) })
          : undefined;
      core.keys.forgetAnswered();
      memory.knownIds = nextKnown;

      const { located, inexact } = written
        ? sendPlacements(plan.sends, written)
        : { located: new Map<string, number | undefined>(), inexact: 0 };
      if (written) {
        memory.rowIds = new Map();
        written.ids.forEach((id, index) => {
          if (id && !memory.rowIds.has(id)) memory.rowIds.set(id, index);
        });
      }
      const sendsByKey = new Map(plan.sends.map((send) => [send.rowKey, send]));
      for (const { rowKey, result } of answered) {
        const send = sendsByKey.get(rowKey)!;
        const where = located.get(rowKey);
        if (result.outcome === 'saved' && result.id && result.version !== undefined) {
          memory.versions.set(result.id, result.version);
          memory.conflicts.delete(result.id);
          if (where !== undefined) memory.rowIds.set(result.id, where);
          memory.labels.set(result.id, send.label);
        } else if (result.outcome === 'conflict' && result.id) {
          if (result.version !== undefined) memory.versions.set(result.id, result.version);
          memory.conflicts.set(result.id, {
            id: result.id,
            mine: send.cells,
            theirs: result.current ?? { id: result.id },
            theirsVersion: result.version ?? 0,
          });
        }
      }
      report.publishConflicts();

      const count = (outcome: 'saved' | 'conflict' | 'refused') => answered.filter(({ result }) => result.outcome === outcome).length;
      const issues = answered.flatMap(({ result }) => result.issues);
      const rejected = [...sent.outcomes.values()].filter((outcome) => outcome.kind === 'rejected').length;
      const saved = count('saved');
      const lastSave: LastSave = {
        at: core.now().toISOString(),
        saved,
        conflicts: count('conflict'),
        refused: count('refused') + rejected,
        deleted: deletion.deleted.length,
        ...summarizeFindings(issues),
      };
      // The answer carries what the panels need: no full report after a save (that is "Kiểm tra lại").
      if (answered.length > 0) {
        const issuesNow = issuesAfterSave({
          previous: memory.reportIssues,
          rows: answered.map(({ result }) => result),
          related: sent.related.values(),
          quotaUsage: sent.quotaUsage,
          unchanged: plan.unchangedRows,
          ctx: makeRuleContext(ctx.campaign, ctx.units, ctx.people),
        });
        report.publish(issuesNow, sent.quotaUsage);
      }
      const refusals = refusalsOf({ sends: plan.sends, outcomes: sent.outcomes, held: plan.held });
      const status = saveStatus(
        {
          saved,
          deleted: deletion.deleted.length,
          conflicts: lastSave.conflicts,
          unsent: plan.sends.length - answered.length - rejected,
          held: plan.held.filter((row) => !row.refusal).length,
          refusals,
          rowsWithErrors: rowsWithErrors(memory.reportIssues),
        },
        options.headline,
      );
      const patch: Partial<PaneState> = {
        lastSave,
        unsavedRows: plan.sends.length - saved + plan.held.length + inexact,
        sheet: 'ready',
        refusals,
      };
      const deleteNotices = [
        ...(deletion.failed.length > 0
          ? [localized('notice.deleteFailed', { n: deletion.failed.length }, { message: deletion.failed[0]!.message })]
          : []),
        ...(deletion.conflicts.length > 0 ? [localized('notice.deleteConflict', { id: deletion.conflicts.join(', ') })] : []),
      ];
      store.set({ ...patch, notice: joinLocalized([status, ...deleteNotices]) });

      if (sent.failure?.retryable) {
        retryLater = true;
        store.set({ error: sent.failure.localized });
      } else if (sent.failure) {
        core.fail(sent.failure);
      }
      if (deletion.retry.length > 0) retryLater = true;
      // A delete's answer does not say what it changed on the other rows (rule 8, quotas): ask for the report.
      if (deletion.deleted.length > 0) void core.track(report.refresh());
    } catch (error) {
      core.fail(error);
      retryLater = (isApiRequestError(error) && error.retryable) || error instanceof ExcelFailure;
    } finally {
      hooks.ended(retryLater);
      store.set({ saving: false, progress: undefined, lastSaveSyncs: gateway.syncCount - syncsBefore });
    }
  }

  return { run };
}
