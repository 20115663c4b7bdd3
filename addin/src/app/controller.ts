import { localized, saveLanguage } from '#addin/i18n/index';
import { createSaveScheduler } from './save/autosave';
import { createCampaignSheet } from './load/campaign-sheet';
import { createConflictActions } from './conflicts/conflict-actions';
import { createCouncil } from './council/council';
import { issueCell } from './report/panels';
import { AUTOSAVE_STORAGE_KEY, createPaneCore } from './core/pane-core';
import { createPaneReport } from './report/pane-report';
import type { PaneActions, PaneController, PaneDeps } from './core/pane-types';
import { createRoleActionRunner } from './roles/role-action-runner';
import { createSaveFlow } from './save/save-flow';
import { createHints } from './save/hints';
import { createSession } from './core/session';
import { createSheetLoad } from './load/sheet-load';

export type { LastSave, PaneActions, PaneController, PaneDeps, PaneState, PaneStore, Progress } from './core/pane-types';
export type { Refusal } from './save/save-status';
export { AUTOSAVE_STORAGE_KEY } from './core/pane-core';
export { describeError } from './core/pane-errors';

/**
 * The pane's controller: composes the Excel gateway, the API client and the token provider into the
 * pane's state and actions. Plain TS; React reads it through `usePaneController`. Each concern lives in
 * a module of its own, all sharing one PaneCore (pane-core.ts: state store, memory, one-at-a-time rule):
 *  - session.ts: silent sign-in, sign-in and sign-out, the user's world;
 *  - campaign-sheet.ts: the campaign in use, and the scan of the sheet on choosing it;
 *  - sheet-load.ts: "Mở bảng tổng hợp", a load merged with the sheet;
 *  - save-flow.ts (with send-rows.ts): one save, sheet → server → sheet;
 *  - autosave.ts: when saves run (the button, autosave, retries), never two at once;
 *  - hints.ts: the rules on one nomination over the edited rows before a save, not yet checked by the server;
 *  - conflict-actions.ts: keep mine / take theirs;
 *  - role-action-runner.ts: submit, return, eligible;
 *  - pane-report.ts: findings, quotas and conflicts as the panels show them;
 *  - council.ts: the council's vote (ballot sheet, count, minutes, confirmation), for the secretary.
 */
export function createPaneController(deps: PaneDeps): PaneController {
  const core = createPaneCore(deps);
  const { gateway, store, memory } = core;
  const report = createPaneReport(core);
  // The save flow and its scheduler refer to each other: the scheduler runs saves, a save reschedules.
  const save = createSaveFlow(core, report, {
    starting: () => scheduler.saveStarting(),
    ended: (retryLater) => scheduler.saveEnded(retryLater),
  });
  const scheduler = createSaveScheduler(core, () => save.run(), createHints(core));
  const campaign = createCampaignSheet(core, report, scheduler);
  const session = createSession(core, campaign, scheduler);
  const openSheet = createSheetLoad(core, report, scheduler);
  const conflicts = createConflictActions(core, report, save);
  const runAction = createRoleActionRunner(core, save);
  // The council's vote reloads the nomination sheet after a confirmation through the same load as the button.
  const council = deps.councilSheets ? createCouncil(core, deps.councilSheets, () => core.track(core.exclusive(openSheet))) : undefined;

  const actions: PaneActions = {
    signIn: session.signIn,
    signOut: session.signOut,
    async selectCampaign(campaignId) {
      if (campaignId === store.state.campaignId) return;
      await core.track(campaign.use(campaignId, true));
    },
    openSheet: () => core.track(core.exclusive(openSheet)),
    save: () => scheduler.requestSave(),
    setAutosave(on) {
      try {
        core.storage?.setItem(AUTOSAVE_STORAGE_KEY, on ? 'on' : 'off');
      } catch {
        // Kept for this session only.
      }
      store.set({ autosave: on });
      scheduler.autosaveChanged(on);
    },
    setLanguage(language) {
      saveLanguage(core.storage, language);
      store.set({ language });
    },
    refreshReport: () => core.track(report.refresh()),
    async selectIssue(item) {
      const cell = issueCell(item, memory.rowIds, memory.columns);
      if (!cell) {
        store.set({ notice: localized('notice.rowNotFound') });
        return;
      }
      try {
        await gateway.selectCell(memory.columns, cell.rowIndex, cell.columnId);
        store.set({});
      } catch (error) {
        core.fail(error);
      }
    },
    keepMine: conflicts.keepMine,
    takeTheirs: conflicts.takeTheirs,
    submitUnitRows: () => runAction('submit'),
    returnSelected: (reason) => runAction('return', reason),
    markSelectedEligible: () => runAction('eligible'),
    ...(council ? { council: council.actions } : {}),
    dismiss() {
      store.set({ error: undefined, notice: undefined, refusals: undefined, auth: { ...store.state.auth, error: undefined } });
    },
  };

  return {
    getState: () => store.state,
    subscribe: store.subscribe,
    actions,
    start: session.start,
    async dispose() {
      scheduler.cancel();
      store.clearListeners();
      await scheduler.stop();
    },
    idle: core.idle,
  };
}
