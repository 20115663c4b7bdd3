import type { Nomination } from '#shared/nomination';
import type { ColumnDef, SheetContext } from '#shared/sheet/columns';
import type { ConflictEntry } from '#addin/app/load/merge';
import { cellText, displayCell } from '#addin/app/sheet/sheet';

export interface ConflictField {
  columnId: string;
  header: string;
  mine: string;
  /** undefined: the server's row is not visible to the user (e.g. it left the unit's hands). */
  theirs: string | undefined;
  differs: boolean;
}

/** The side-by-side view of a conflict: every input column, the user's cell and the server's. */
export interface ConflictView {
  id: string;
  label: string;
  theirsVersion: number;
  theirsVisible: boolean;
  /** Who saved the server's version, and when (ISO), where the server says. */
  changedBy?: string;
  changedAt?: string;
  fields: ConflictField[];
}

export function isFullNomination(theirs: Partial<Nomination>): theirs is Nomination {
  return theirs.unitId !== undefined && theirs.nomineeKind !== undefined && theirs.awardForm !== undefined;
}

export function conflictView(entry: ConflictEntry, columns: readonly ColumnDef[], ctx: SheetContext): ConflictView {
  const theirs = isFullNomination(entry.theirs) ? entry.theirs : undefined;
  const fields = columns.flatMap((column, index): ConflictField[] => {
    if (column.role !== 'input') return [];
    const mine = displayCell(entry.mine[index], column);
    const theirsText = theirs ? displayCell(column.write(theirs, ctx), column) : undefined;
    return [
      {
        columnId: column.id,
        header: column.header,
        mine,
        theirs: theirsText,
        differs: theirsText !== undefined && theirsText.trim() !== mine.trim(),
      },
    ];
  });
  return {
    id: entry.id,
    label: cellText(entry.mine, columns, 'nominee') || entry.id,
    theirsVersion: entry.theirsVersion,
    theirsVisible: theirs !== undefined,
    ...(entry.theirs.updatedBy ? { changedBy: entry.theirs.updatedBy } : {}),
    ...(entry.theirs.updatedAt ? { changedAt: entry.theirs.updatedAt } : {}),
    fields,
  };
}
