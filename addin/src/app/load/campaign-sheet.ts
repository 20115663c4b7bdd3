import type { StoredCampaign } from '#shared/api/index';
import { buildColumns } from '#shared/sheet/columns';
import { localized } from '#addin/i18n/index';
import type { SaveScheduler } from '#addin/app/save/autosave';
import { decodeKnownIds } from '#addin/app/core/known-ids';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { PaneReport } from '#addin/app/report/pane-report';
import { planSave } from '#addin/app/save/save-plan';
import { SHEET_LANGUAGE } from '#addin/app/sheet/sheet';
import { stageView } from '#addin/app/stage/stage-view';

/** The campaign in use (its columns) and, on choosing it, a look at the sheet as it is. */
export interface CampaignSheet {
  /** Switches to a campaign; `scan` then reads the sheet for rows left unsaved. */
  use(campaignId: string, scan: boolean): Promise<void>;
}

export function createCampaignSheet(core: PaneCore, report: PaneReport, scheduler: SaveScheduler): CampaignSheet {
  const { gateway, store, memory } = core;

  let chosen = 0;

  async function use(campaignId: string, scan: boolean) {
    if (!memory.campaigns.some((candidate) => candidate.id === campaignId)) return;
    // The list holds summaries: the columns, rules and council need the whole plan.
    const asked = ++chosen;
    let campaign: StoredCampaign;
    try {
      campaign = await core.api.campaign(campaignId);
    } catch (error) {
      core.fail(error);
      return;
    }
    if (asked !== chosen) return; // the user picked another campaign meanwhile
    // After any save in flight: it writes with the columns of the campaign it read.
    await core.exclusive(async () => {
      memory.campaign = campaign;
      memory.ctx = { campaign, units: memory.units, people: memory.people };
      memory.columns = buildColumns(memory.ctx);
      memory.knownIds = undefined;
      memory.conflicts.clear();
      memory.marked.clear();
      memory.answered.clear();
      memory.versions.clear();
      const stage = stageView(store.state.user, campaign);
      store.set({ campaignId, stage, files: undefined, conflicts: [], quota: [], issues: [], issueCounts: { errors: 0, warnings: 0 } });
    });
    void core.track(report.refresh());
    if (scan) await core.exclusive(scanSheet);
  }

  /** On opening: the sheet as it is, and how many of its rows are not saved (they survive a closed pane). */
  async function scanSheet() {
    const { ctx, columns } = memory;
    const campaignId = store.state.campaignId;
    if (!ctx || !campaignId) return;
    try {
      const snapshot = await gateway.readRows(columns);
      const stored = decodeKnownIds(snapshot.knownIds);
      if (stored.campaignId && stored.campaignId !== campaignId) {
        store.set({ sheet: 'other-campaign', notice: localized('error.otherCampaign', { campaign: stored.campaignId }) });
        return;
      }
      memory.knownIds = stored.ids;
      const plan = planSave({ rows: snapshot.rows, columns, ctx, knownIds: stored.ids, language: SHEET_LANGUAGE });
      memory.rowIds = plan.rowIds;
      memory.labels = plan.labels;
      const unsaved = plan.sends.length + plan.held.length;
      store.set({
        sheet: 'ready',
        unsavedRows: unsaved,
        edited: false,
        ...(unsaved + plan.deletes.length > 0 ? { notice: localized('notice.unsavedOnOpen', { n: unsaved + plan.deletes.length }) } : {}),
      });
      if (memory.reportIssues.length > 0) report.publish(memory.reportIssues);
      await scheduler.watchEdits();
      if (unsaved + plan.deletes.length > 0 && store.state.autosave && core.mayWrite()) void scheduler.requestSave().catch(() => undefined);
    } catch {
      // No sheet yet (or Excel refused the read): "Mở bảng tổng hợp" creates it.
      store.set({ sheet: 'none' });
    }
  }

  return { use };
}
