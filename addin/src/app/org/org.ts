import { orgSheetValues, readOrgSheet } from '#shared/sheet/org-sheet';
import { orgSheetAccess } from '#shared/policy/org';
import { IdempotencyMemory, type OrgSheetId } from '#addin/api/index';
import type { OrgSheets } from '#addin/excel/office-org-sheets';
import { localized } from '#addin/i18n/index';
import { withBusy } from '#addin/app/core/busy';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { OrgActions } from './org-access';
import { orgSaveNotice, resultWrites } from './org-results';
import { ORG_SHEETS } from './org-schemas';

/**
 * The pane's "Tổ chức" section: the Đơn vị, Cán bộ and Người dùng sheets opened from the server and
 * saved back, each step one OrgSheets call (two syncs to write a sheet, one to read it, one for a
 * save's answers, whatever the rows). Who may open or save which sheet is shared/policy/org.ts's.
 *
 * Removals: the pane remembers, per sheet, the codes it last wrote (on opening) or that the sheet held
 * after its last save, and sends those missing now. It remembers them for this session only: a sheet
 * the pane has not written since it started removes nothing, so that a list pasted into a fresh
 * workbook can never delete the rest of the office's staff.
 */
export function createOrg(core: PaneCore, sheets: OrgSheets): { actions: OrgActions } {
  const { api, store } = core;
  const written = new Map<OrgSheetId, Set<string>>();
  // Kept apart from the nominations' keys: each save forgets its own once its answers are in the sheet.
  const keys = new IdempotencyMemory();

  const access = (id: OrgSheetId) => (store.state.user ? orgSheetAccess(store.state.user.role)[id] : 'none');

  const run = (work: () => Promise<void>) => core.track(core.exclusive(() => withBusy(core, work)));

  async function open(id: OrgSheetId): Promise<void> {
    const may = access(id);
    if (may === 'none') return;
    await run(async () => {
      const kind = ORG_SHEETS[id];
      const ctx = { units: await api.units() };
      const schema = kind.schema(ctx);
      const records = await kind.list(api, ctx);
      await sheets.writeSheet(schema.sheetName, schema.columns, orgSheetValues(schema, records), may !== 'edit');
      written.set(id, new Set(records.map((record) => kind.code(schema.idOf(record)))));
      const key = may === 'edit' ? 'org.opened' : 'org.openedReadOnly';
      store.set({ notice: localized(key, { sheet: schema.sheetName, n: records.length }) });
    });
  }

  async function save(id: OrgSheetId): Promise<void> {
    if (access(id) !== 'edit') return;
    await run(async () => {
      const kind = ORG_SHEETS[id];
      // The units as stored now: the rows name them by name, short name or code.
      const schema = kind.schema({ units: await api.units() });
      const values = await sheets.readSheet(schema.sheetName);
      if (!values) return store.set({ notice: localized('org.noSheet', { sheet: schema.sheetName }) });
      const read = readOrgSheet(schema, values);
      const keyHeader = schema.columns.find((column) => column.key)!.header;
      if (read.headerRow < 0) return store.set({ notice: localized('org.noHeader', { sheet: schema.sheetName, header: keyHeader }) });

      const changed = read.rows.filter((row) => row.changed);
      const unsent = changed.filter((row) => row.problems.length > 0 || row.fields === undefined);
      const send = changed.filter((row) => row.problems.length === 0 && row.fields !== undefined);
      const present = new Set(read.rows.flatMap((row) => (row.id ? [kind.code(row.id)] : [])));
      const removed = [...(written.get(id) ?? [])].filter((code) => !present.has(code));

      const result =
        send.length > 0 || removed.length > 0
          ? await api.saveOrgSheet(
              id,
              // Each row under its number in the sheet: the server's messages name other rows by it ("ở dòng 66").
              send.map((row) => kind.row(String(row.index + 1), row.fields, row.version)),
              removed,
              { keys },
            )
          : undefined;
      const { firstRow, writes } = resultWrites(schema, read, values, result?.rows ?? []);
      if (writes.length > 0 && (result || unsent.length > 0)) await sheets.writeColumns(schema.sheetName, firstRow, writes);
      keys.forgetAnswered();
      for (const row of result?.rows ?? []) if (row.id) present.add(kind.code(row.id));
      written.set(id, present);
      store.set({ notice: orgSaveNotice(schema.sheetName, result, unsent) });
    });
  }

  return { actions: { open, save } };
}
