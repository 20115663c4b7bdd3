import type { HistoryRow, ImportHistoryResult, RegisterLookupQuery } from '#shared/api/register';
import type { Person, Unit } from '#shared/org';
import type { CellValue } from '#shared/sheet/cells';
import { readOrgSheet, type OrgSheetRead } from '#shared/sheet/org-sheet';
import { HISTORY_SCHEMA, lookupSheetValues, LOOKUP_COLUMNS, LOOKUP_SHEET, type HistoryFields } from '#shared/sheet/register-sheets';
import { identityKey } from '#shared/text';
import type { ColumnWrite, OrgSheets } from '#addin/excel/office-org-sheets';
import { localized } from '#addin/i18n/index';
import { withBusy } from '#addin/app/core/busy';
import type { PaneCore } from '#addin/app/core/pane-core';
import { mayImportHistory, type RegisterActions, type RegisterQuery } from './register-state';
import { historyMessages } from './register-results';
import { createDecisionRecorder } from './decision-form';

/**
 * The pane's "Sổ khen thưởng" section: a person's or a unit's history looked up and written to the
 * "Tra cứu khen thưởng" sheet (one API request, one Excel call), and the "Lịch sử khen thưởng" sheet
 * laid out and imported, each row's answer in its messages cell (one Excel call to read, one to write);
 * and the Province's decision recorded by hand (decision-form.ts).
 */
export function createRegister(core: PaneCore, sheets: OrgSheets, reloadSheet: () => Promise<void>): { actions: RegisterActions } {
  const { api, store } = core;
  const run = (work: () => Promise<void>) => core.track(core.exclusive(() => withBusy(core, work)));

  async function lookup(query: RegisterQuery): Promise<void> {
    const subject = query.subject.trim();
    if (!subject) return store.set({ notice: localized('register.subjectRequired') });
    await run(async () => {
      const id = await registryId(query.kind, subject);
      const asked: RegisterLookupQuery = {
        kind: query.kind,
        ...(id ? { id } : { name: subject }),
        ...(query.year ? { year: query.year } : {}),
        ...(query.form?.trim() ? { form: query.form.trim() } : {}),
        ...(query.unit?.trim() ? { unit: query.unit.trim() } : {}),
      };
      const answer = await api.lookupRegister(asked);
      await sheets.writeSheet(LOOKUP_SHEET, LOOKUP_COLUMNS, lookupSheetValues(answer), true);
      store.set({ notice: localized('register.found', { name: answer.subject.name, n: answer.entries.length, sheet: LOOKUP_SHEET }) });
    });
  }

  /** The registry's code of what was typed: a code, or a name only one person (unit) bears; else the name as recorded. */
  async function registryId(kind: RegisterQuery['kind'], typed: string): Promise<string | undefined> {
    const key = identityKey(typed);
    const items: (Person | Unit)[] = kind === 'individual' ? await api.people() : await api.units();
    const byId = items.find((item) => identityKey(item.id) === key);
    if (byId) return byId.id;
    const named = items.filter((item) => identityKey('fullName' in item ? item.fullName : item.name) === key);
    return named.length === 1 ? named[0]!.id : undefined;
  }

  async function openHistory(): Promise<void> {
    if (!mayImportHistory(store.state.user)) return;
    await run(async () => {
      const sheet = HISTORY_SCHEMA.sheetName;
      if (await sheets.readSheet(sheet)) return store.set({ notice: localized('register.historyExists', { sheet }) });
      await sheets.writeSheet(sheet, HISTORY_SCHEMA.columns, [HISTORY_SCHEMA.columns.map((c) => c.header)], false);
      store.set({ notice: localized('register.historyOpened', { sheet }) });
    });
  }

  async function importHistory(): Promise<void> {
    if (!mayImportHistory(store.state.user)) return;
    await run(async () => {
      const sheet = HISTORY_SCHEMA.sheetName;
      const values = await sheets.readSheet(sheet);
      if (!values) return store.set({ notice: localized('register.noHistorySheet', { sheet }) });
      const read = readOrgSheet(HISTORY_SCHEMA, values);
      const header = HISTORY_SCHEMA.columns.find((column) => column.key)!.header;
      if (read.headerRow < 0) return store.set({ notice: localized('register.noHistoryHeader', { sheet, header }) });
      const send = read.rows.flatMap((row): HistoryRow[] =>
        row.problems.length === 0 && row.fields ? [{ ...row.fields, rowKey: String(row.index + 1) }] : [],
      );
      const result: ImportHistoryResult | undefined = send.length > 0 ? await api.importHistory(send) : undefined;
      await writeAnswers(read, values, result);
      const unsent = read.rows.length - send.length;
      const summary = localized('register.imported', { ...(result?.summary ?? { added: 0, unchanged: 0, updated: 0, recorded: 0 }) });
      const more = unsent > 0 ? localized('register.unsent', { n: unsent }) : undefined;
      store.set({ notice: more ? { vi: `${summary.vi} ${more.vi}`, en: `${summary.en} ${more.en}` } : summary });
    });
  }

  async function writeAnswers(read: OrgSheetRead<HistoryFields>, values: CellValue[][], result: ImportHistoryResult | undefined) {
    const writes: ColumnWrite[] = historyMessages(read, values, result?.rows ?? []);
    if (writes.length > 0) await sheets.writeColumns(HISTORY_SCHEMA.sheetName, read.headerRow + 1, writes);
  }

  return { actions: { lookup, openHistory, importHistory, recordDecision: createDecisionRecorder(core, reloadSheet) } };
}
