import { localized } from '#addin/i18n/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import { actionPatch, type RoleActionId } from './role-actions';
import type { SaveFlow } from '#addin/app/save/save-flow';
import { joinLocalized } from '#addin/app/save/save-status';

/**
 * Runs a role action (a unit submits its drafts; HR returns or finds eligible the selected rows): the
 * rows' status cells are patched and saved, as one save, and the pane says how many rows moved.
 */
export function createRoleActionRunner(core: PaneCore, save: SaveFlow) {
  const { gateway, store } = core;

  return async function runAction(action: RoleActionId, reason?: string): Promise<void> {
    const user = store.state.user;
    if (!user || !store.state.actions.includes(action)) return;
    if (action === 'return' && !reason?.trim()) {
      store.set({ error: localized('actions.reasonRequired') });
      return;
    }
    await core.track(
      core.exclusive(async () => {
        store.set({ busy: true });
        try {
          const selected = action === 'submit' ? [] : await gateway.selectedRowIndexes();
          const { patch, stats } = actionPatch(action, user, { selected, ...(reason ? { reason } : {}) });
          // The save's status line says what moved (saved, refused, in conflict): never the rows merely matched.
          await save.run({ patch, headline: 'actions.done' });
          if (stats.matched === 0) store.set({ notice: localized('actions.noRows') });
          else if (stats.skipped > 0 && store.state.notice)
            store.set({ notice: joinLocalized([store.state.notice, localized('actions.skipped', { n: stats.skipped })]) });
        } catch (error) {
          core.fail(error);
        } finally {
          store.set({ busy: false });
        }
      }),
    );
  };
}
