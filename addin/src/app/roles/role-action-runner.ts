import { checkNomination, makeRuleContext } from '#shared/rules/index';
import { localized } from '#addin/i18n/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import { actionPatch, type BlockedRow, type RoleActionId } from './role-actions';
import type { SaveFlow } from '#addin/app/save/save-flow';
import { joinLocalized } from '#addin/app/save/save-status';

/** What the rows held back lack, row by row (the sheet's row numbers count the header as row 1). */
function blockedNotice(blocked: readonly BlockedRow[]) {
  const lines = (language: 'vi' | 'en') =>
    blocked.map((b) => `${language === 'vi' ? 'Dòng' : 'Row'} ${b.rowIndex + 2}: ${b.refusal.message[language]}`);
  const head = localized('actions.blocked', { n: blocked.length });
  return { vi: [head.vi, ...lines('vi')].join('\n'), en: [head.en, ...lines('en')].join('\n') };
}

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
          // The shared rules run here first: a row the server would refuse is not sent, and the pane says why.
          const ctx = core.memory.ctx;
          const rules = ctx ? makeRuleContext(ctx.campaign, ctx.units, ctx.people) : undefined;
          const findings = rules ? (fields: Parameters<typeof checkNomination>[1]) => checkNomination(rules, fields, {}) : undefined;
          const { patch, stats } = actionPatch(action, user, {
            selected,
            ...(reason ? { reason } : {}),
            ...(findings && ctx ? { findings, campaign: ctx.campaign } : {}),
          });
          // The save's status line says what moved (saved, refused, in conflict): never the rows merely matched.
          await save.run({ patch, headline: 'actions.done' });
          const blocked = stats.blocked.length > 0 ? blockedNotice(stats.blocked) : undefined;
          if (stats.matched === 0) {
            store.set(blocked ? { error: blocked } : { notice: localized('actions.noRows') });
            return;
          }
          const more = [stats.skipped > 0 ? localized('actions.skipped', { n: stats.skipped }) : undefined, blocked].filter(
            (part) => part !== undefined,
          );
          if (more.length > 0 && store.state.notice) store.set({ notice: joinLocalized([store.state.notice, ...more]) });
        } catch (error) {
          core.fail(error);
        } finally {
          store.set({ busy: false });
        }
      }),
    );
  };
}
