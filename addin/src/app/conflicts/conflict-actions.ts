import { localized } from '#addin/i18n/index';
import { isFullNomination } from './conflicts';
import { serverRow } from '#addin/app/load/merge';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { PaneReport } from '#addin/app/report/pane-report';
import { issueContent } from '#addin/app/sheet/row-content';
import type { SaveFlow } from '#addin/app/save/save-flow';
import { cellText, contentFingerprint, SHEET_LANGUAGE, withCells } from '#addin/app/sheet/sheet';

/** The two ways out of a conflict: keep the user's row (sent again over the server's version), or take the server's. */
export interface ConflictActions {
  keepMine(nominationId: string): Promise<void>;
  takeTheirs(nominationId: string): Promise<void>;
}

export function createConflictActions(core: PaneCore, report: PaneReport, save: SaveFlow): ConflictActions {
  const { gateway, store, memory } = core;

  async function takeTheirs(id: string) {
    await core.track(
      core
        .exclusive(async () => {
          const entry = memory.conflicts.get(id);
          const { ctx, columns } = memory;
          if (!entry || !ctx || !isFullNomination(entry.theirs)) return;
          const snapshot = await gateway.readRows(columns);
          const rowIndex = snapshot.rows.findIndex((values) => cellText(values, columns, 'id') === id);
          if (rowIndex < 0) {
            memory.conflicts.delete(id);
            report.publishConflicts();
            store.set({ notice: localized('notice.rowNotFound') });
            return;
          }
          const { cells, hash } = serverRow(entry.theirs, columns, ctx);
          const found = issueContent(
            memory.reportIssues.filter((issue) => issue.nominationId === id),
            columns,
            SHEET_LANGUAGE,
          );
          const written = await gateway.writeResults(columns, {
            rowCountAtRead: snapshot.rows.length,
            writes: [
              {
                rowIndex,
                expect: { id, fingerprint: contentFingerprint(snapshot.rows[rowIndex]!, columns) },
                values: withCells(cells, columns, { messages: found.messages }),
                system: { id, version: entry.theirs.version, rowHash: hash },
                ...found,
              },
            ],
          });
          if (!written.placements[0]) {
            // The row moved or changed between the read and the write: the conflict stays, to be chosen again.
            store.set({ notice: localized('notice.rowNotFound') });
            return;
          }
          memory.conflicts.delete(id);
          memory.versions.set(id, entry.theirs.version);
          report.publishConflicts();
          store.set({
            unsavedRows: Math.max(0, store.state.unsavedRows - 1),
            notice: localized('conflicts.taken', { label: cellText(cells, columns, 'nominee') }),
            refusals: undefined,
          });
        })
        .catch((error: unknown) => core.fail(error)),
    );
  }

  async function keepMine(id: string) {
    const entry = memory.conflicts.get(id);
    if (!entry) return;
    await core.track(
      core.exclusive(async () => {
        await save.run({ patch: ({ parsed }) => (parsed.id === id ? { version: entry.theirsVersion } : undefined) });
        if (memory.conflicts.has(id) && !memory.rowIds.has(id)) store.set({ notice: localized('notice.rowNotFound') });
      }),
    );
  }

  return { keepMine, takeTheirs };
}
