import type { Issue } from '#shared/issues';
import type { QuotaUsage } from '#shared/rules/quota';
import { conflictView } from '#addin/app/conflicts/conflicts';
import { summarizeFindings } from '#shared/rules/findings';
import { groupIssues, quotaRows } from './panels';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { PaneState } from '#addin/app/core/pane-types';

/** The panels fed by the server: findings by rule, quotas, and the conflicts side by side. */
export interface PaneReport {
  /** Shows these findings (and the quotas, when given). */
  publish(issues: Issue[], quotaUsage?: QuotaUsage[]): void;
  publishConflicts(): void;
  /** Asks the server for the campaign's validation report and shows it. */
  refresh(): Promise<void>;
}

export function createPaneReport(core: PaneCore): PaneReport {
  const { store, memory } = core;

  function publish(all: Issue[], quotaUsage?: QuotaUsage[]) {
    // A finding on no row is a form's (more candidates than places): the quota panel shows it, once per
    // form, from the usage; the issue list and the rows keep what a row must fix.
    const issues = all.filter((issue) => issue.nominationId !== undefined);
    memory.reportIssues = issues;
    const patch: Partial<PaneState> = { issues: groupIssues(issues, memory.labels), issueCounts: summarizeFindings(issues) };
    if (quotaUsage && memory.ctx) patch.quota = quotaRows(quotaUsage, memory.ctx.campaign, memory.units, store.state.user);
    store.set(patch);
  }

  function publishConflicts() {
    const context = memory.ctx;
    if (!context) return;
    store.set({ conflicts: [...memory.conflicts.values()].map((entry) => conflictView(entry, memory.columns, context)) });
  }

  async function refresh() {
    const campaignId = store.state.campaignId;
    if (!campaignId || !core.signedIn()) return;
    try {
      const report = await core.api.validationReport(campaignId);
      if (store.state.campaignId === campaignId) publish(report.issues, report.quotaUsage);
    } catch (error) {
      core.fail(error);
    }
  }

  return { publish, publishConflicts, refresh };
}
