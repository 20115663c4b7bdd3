import { localized } from '#addin/i18n/index';
import type { SaveScheduler } from '#addin/app/save/autosave';
import { decodeKnownIds, encodeKnownIds } from '#addin/app/core/known-ids';
import { loadNotice } from './load-notice';
import { mergeLoad } from './merge';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { PaneReport } from '#addin/app/report/pane-report';
import { planSave } from '#addin/app/save/save-plan';
import { SHEET_LANGUAGE } from '#addin/app/sheet/sheet';
import { decisionChoices } from '#addin/app/register/decision-form';

/**
 * "Mở bảng tổng hợp": lays out the sheet and loads the campaign's nominations into it, merged with the
 * rows already there so that no unsaved edit is lost (see merge.ts). Runs as a sheet operation (exclusive).
 */
export function createSheetLoad(core: PaneCore, report: PaneReport, scheduler: SaveScheduler): () => Promise<void> {
  const { gateway, api, store, memory } = core;

  return async function openSheet() {
    const { ctx, columns } = memory;
    const campaignId = store.state.campaignId;
    if (!ctx || !campaignId || !core.signedIn()) return;
    store.set({ busy: true, error: undefined, notice: undefined, refusals: undefined, progress: { phase: 'loading', done: 0 } });
    try {
      await gateway.ensureSheet(columns);
      const [nominations, validation] = await Promise.all([
        api.listNominations(campaignId, { onProgress: ({ loaded }) => store.set({ progress: { phase: 'loading', done: loaded } }) }),
        api.validationReport(campaignId),
      ]);
      store.set({ progress: { phase: 'writing' } });
      const snapshot = await gateway.readRows(columns);
      const stored = decodeKnownIds(snapshot.knownIds);
      let rows = snapshot.rows;
      if (stored.campaignId && stored.campaignId !== campaignId) {
        // Another campaign's sheet: replaced, unless it holds edits not yet saved there.
        const plan = planSave({ rows, columns, ctx, knownIds: stored.ids, language: SHEET_LANGUAGE });
        const unsaved = plan.sends.length + plan.held.length;
        if (unsaved > 0) {
          store.set({ error: localized('error.otherCampaignUnsaved', { n: unsaved, campaign: stored.campaignId }) });
          return;
        }
        rows = [];
      }
      const merged = mergeLoad({ rows, columns, ctx, nominations, issues: validation.issues, language: SHEET_LANGUAGE });
      await gateway.replaceRows(columns, merged.writes, { knownIds: encodeKnownIds(campaignId, merged.knownIds) });
      memory.knownIds = merged.knownIds;
      memory.versions.clear();
      for (const nomination of nominations) memory.versions.set(nomination.id, nomination.version);
      memory.conflicts.clear();
      memory.marked.clear();
      memory.answered.clear();
      for (const entry of merged.conflicts) memory.conflicts.set(entry.id, entry);
      memory.rowIds = merged.rowIds;
      memory.labels = merged.labels;
      report.publish(validation.issues, validation.quotaUsage);
      report.publishConflicts();
      const notice = loadNotice({ user: store.state.user, nominations, labels: merged.labels, dropped: merged.dropped });
      const choices = memory.campaign ? decisionChoices(memory.campaign, nominations, merged.labels, merged.rowIds) : undefined;
      store.set({ sheet: 'ready', unsavedRows: merged.unsaved, edited: false, notice, decisionChoices: choices });
      await scheduler.watchEdits();
      if (merged.unsaved > 0 && store.state.autosave && core.mayWrite()) void scheduler.requestSave().catch(() => undefined);
    } catch (error) {
      core.fail(error);
    } finally {
      store.set({ busy: false, progress: undefined });
    }
  };
}
