import type { Issue } from '#shared/issues';
import type { Language } from '#shared/localized';
import { checkNomination, makeRuleContext } from '#shared/rules/index';
import type { ColumnDef, SheetContext } from '#shared/sheet/columns';
import type { ResultWrite } from '#addin/excel/gateway';
import { translate } from '#addin/i18n/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import { createDebouncer } from '#addin/app/core/scheduling';
import { issueContent, type RowContent } from '#addin/app/sheet/row-content';
import { SHEET_LANGUAGE } from '#addin/app/sheet/sheet';
import { expectationOf } from './save-results';
import { planSave, type SavePlan } from './save-plan';

/**
 * Instant hints: the plan's rules on one nomination (shared/rules, as the server runs them) over the
 * rows changed since the last save, written on those rows before any save and marked as not yet checked
 * by the server. The server stays the authority: it alone knows duplicates and quotas, and its answer
 * replaces the hint at the next save. With autosave on that save comes 2.5 s after the last edit, so
 * hints run when autosave is off, where a clerk may type for a long while before saving.
 */

export const HINT_DELAY_MS = 800;

/** A hint's content: the findings, marked as not yet checked by the server. */
export function hintContent(issues: readonly Issue[], columns: readonly ColumnDef[], language: Language): RowContent {
  const found = issueContent(issues, columns, language);
  const messages = [translate(language, 'sheet.unchecked'), found.messages].filter((line) => line !== '').join('\n');
  return { ...found, messages, mark: found.mark === 'ok' ? 'unsaved' : found.mark };
}

/**
 * The hints of a plan's changed rows (their own rules), and the cell problems of the rows it holds
 * back; `skip` says which rows already show the pane's latest word (a save's refusal or conflict, an
 * earlier hint) and keep it.
 */
export function hintWrites(
  plan: SavePlan,
  ctx: SheetContext,
  columns: readonly ColumnDef[],
  language: Language,
  skip: (row: { fingerprint: string; idCell: string }) => boolean = () => false,
): ResultWrite[] {
  const rules = makeRuleContext(ctx.campaign, ctx.units, ctx.people);
  return [
    ...plan.sends
      .filter((send) => !skip(send))
      .map((send): ResultWrite => ({
        rowIndex: send.rowIndex,
        expect: expectationOf(send),
        ...hintContent(checkNomination(rules, send.fields, send.change.id ? { nominationId: send.change.id } : {}), columns, language),
      })),
    ...plan.held
      .filter((row) => !skip(row))
      .map((row): ResultWrite => ({ rowIndex: row.rowIndex, expect: expectationOf(row), ...row.content })),
  ];
}

export interface Hints {
  /** The user edited the sheet: hint after a short pause, if autosave is off. */
  poke(): void;
  cancel(): void;
}

export function createHints(core: PaneCore): Hints {
  const { gateway, store, memory } = core;

  async function run() {
    const { ctx, columns } = memory;
    const { state } = store;
    if (!ctx || state.autosave || state.saving || state.sheet !== 'ready' || !core.signedIn() || !core.mayWrite()) return;
    try {
      const snapshot = await gateway.readRows(columns);
      const plan = planSave({
        rows: snapshot.rows,
        columns,
        ctx,
        knownIds: memory.knownIds ?? [],
        language: SHEET_LANGUAGE,
        user: state.user!,
      });
      // A row in conflict keeps saying so (the panel holds both versions) however it is edited.
      const skip = (row: { fingerprint: string; idCell: string }) =>
        memory.answered.has(row.fingerprint) || memory.conflicts.has(row.idCell);
      const writes = hintWrites(plan, ctx, columns, SHEET_LANGUAGE, skip);
      if (writes.length > 0) await gateway.writeResults(columns, { rowCountAtRead: snapshot.rows.length, writes });
      for (const write of writes) memory.answered.add(write.expect.fingerprint);
      store.set({ unsavedRows: plan.sends.length + plan.held.length });
    } catch {
      // A hint is a courtesy: the save says what is wrong, and reports its own failures.
    }
  }

  const debouncer = createDebouncer(HINT_DELAY_MS, () => void core.track(core.exclusive(run)), core.timers);
  return { poke: () => debouncer.poke(), cancel: () => debouncer.cancel() };
}
