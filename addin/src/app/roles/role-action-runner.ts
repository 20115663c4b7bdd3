import { localized } from '#addin/i18n/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import { actionPatch, type RoleActionId } from './role-actions';
import type { SaveFlow } from '#addin/app/save/save-flow';

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
          await save.run({ patch });
          if (stats.matched === 0) store.set({ notice: localized('actions.noRows') });
          else if (!store.state.error) {
            const done = localized('actions.done', { n: stats.matched });
            const skipped = stats.skipped > 0 ? localized('actions.skipped', { n: stats.skipped }) : undefined;
            store.set({ notice: skipped ? { vi: `${done.vi} ${skipped.vi}`, en: `${done.en} ${skipped.en}` } : done });
          }
        } catch (error) {
          core.fail(error);
        } finally {
          store.set({ busy: false });
        }
      }),
    );
  };
}
