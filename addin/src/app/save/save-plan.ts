import type { Language, Localized } from '#shared/localized';
import type { NominationChange, NominationFields } from '#shared/nomination';
import type { User } from '#shared/org';
import { refuseUnseenChange } from '#shared/policy/nominations';
import type { CellValue, ColumnDef, SheetContext } from '#shared/sheet/columns';
import { parseRow, type ParsedRow } from '#shared/sheet/parse-row';
import { apiErrorMessage, problemContent, refusalColumn, refusalContent, type RowContent } from '#addin/app/sheet/row-content';
import { cellText, contentFingerprint, isDirty, withCells } from '#addin/app/sheet/sheet';

/** A change a role action makes to a row before it is sent: cells to set, or the version to send. */
export interface RowPatch {
  cells?: Record<string, CellValue>;
  version?: number;
}

export interface PatchInput {
  rowIndex: number;
  parsed: ParsedRow;
  cells: readonly CellValue[];
}

/** A row to send, with what is needed to find it again and write its answer back. */
export interface SendRow {
  rowIndex: number;
  rowKey: string;
  change: NominationChange;
  fields: NominationFields;
  /** The cells as they are to be saved (a role action's patch applied). */
  cells: CellValue[];
  /** The fingerprint of the row as read, to locate it after the save. */
  fingerprint: string;
  /** The id cell as read ('' for a new row). */
  idCell: string;
  /** The cells differ from the sheet's (a patch): written back when saved. */
  patched: boolean;
  /** The nominee as typed. */
  label: string;
}

/** A changed row kept from the server (a cell problem, or a change the role may not make). */
export interface HeldRow {
  rowIndex: number;
  fingerprint: string;
  idCell: string;
  content: RowContent;
  /** The nominee as typed, to name the row in the pane's status line. */
  label: string;
  /** Why the server would refuse it for the role (absent: a cell problem). */
  refusal?: Localized;
}

/** A saved row the save leaves as it is: where it is, and what it holds (for the findings a save changes on it). */
export interface UnchangedRow {
  rowIndex: number;
  fingerprint: string;
  version?: number;
  fields?: NominationFields;
}

export interface SavePlan {
  sends: SendRow[];
  held: HeldRow[];
  /** Ids the sheet held after the last load or save and no longer holds: deleted by the user. */
  deletes: string[];
  /** Ids present in the sheet (later copies of a duplicated row excluded). */
  presentIds: string[];
  unchanged: number;
  /** id → row index, as read. */
  rowIds: Map<string, number>;
  /** id → the nominee as typed, for the issue list. */
  labels: Map<string, string>;
  /** id → the saved rows this save does not send. */
  unchangedRows: Map<string, UnchangedRow>;
  patchedRows: number;
}

export interface PlanInput {
  rows: readonly (readonly CellValue[])[];
  columns: readonly ColumnDef[];
  ctx: SheetContext;
  knownIds: readonly string[];
  language: Language;
  /** The signed-in user: rows the server would refuse for the role are kept back and shown. */
  user?: User;
  patch?: (row: PatchInput) => RowPatch | undefined;
}

/**
 * Which rows of the sheet a save sends. Blank rows are skipped; changed rows with cell problems are
 * kept back (shown on the row); rows with no id are new; rows whose fingerprint no longer matches are
 * changed (sent with id and version); later copies of a row (whole rows copied, hidden columns too)
 * are new rows; ids the sheet no longer holds are deleted. The row key is the row's index at read time.
 */
export function planSave(input: PlanInput): SavePlan {
  const { rows, columns, language, user } = input;
  const plan: SavePlan = {
    sends: [],
    held: [],
    deletes: [],
    presentIds: [],
    unchanged: 0,
    rowIds: new Map(),
    labels: new Map(),
    unchangedRows: new Map(),
    patchedRows: 0,
  };
  const seen = new Set<string>();

  rows.forEach((values, rowIndex) => {
    let parsed = parseRow(values, columns);
    const fingerprint = contentFingerprint(values, columns);
    const idCell = parsed.id ?? '';
    const duplicate = parsed.id !== undefined && seen.has(parsed.id);
    if (parsed.id && !duplicate) {
      seen.add(parsed.id);
      plan.presentIds.push(parsed.id);
      plan.rowIds.set(parsed.id, rowIndex);
      plan.labels.set(parsed.id, cellText(values, columns, 'nominee'));
    }
    if (parsed.empty) return;

    const patch = parsed.fields ? input.patch?.({ rowIndex, parsed, cells: values }) : undefined;
    let cells = [...values];
    if (patch?.cells) {
      cells = withCells(values, columns, patch.cells);
      parsed = parseRow(cells, columns);
    }
    const dirty = duplicate || patch !== undefined || isDirty(parsed, values, columns, fingerprint);
    if (!dirty) {
      plan.unchanged += 1;
      if (parsed.id) {
        const row: UnchangedRow = { rowIndex, fingerprint };
        if (parsed.version !== undefined) row.version = parsed.version;
        if (parsed.fields) row.fields = parsed.fields;
        plan.unchangedRows.set(parsed.id, row);
      }
      return;
    }
    const label = cellText(values, columns, 'nominee');
    if (!parsed.fields) {
      plan.held.push({ rowIndex, fingerprint, idCell, label, content: problemContent(parsed.problems, columns, language) });
      return;
    }
    const isNew = !parsed.id || duplicate;
    if (user) {
      // The server refuses the whole batch for such a row: keep it back and say why at once.
      const code = refuseUnseenChange(user, parsed.fields, isNew);
      if (code) {
        const refusal = apiErrorMessage(code);
        plan.held.push({ rowIndex, fingerprint, idCell, label, refusal, content: refusalContent(refusal, refusalColumn(code), language) });
        return;
      }
    }
    const version = patch?.version ?? parsed.version;
    const change: NominationChange = {
      ...parsed.fields,
      ...(isNew ? {} : { id: parsed.id!, ...(version !== undefined ? { version } : {}) }),
      rowKey: String(rowIndex),
    };
    if (patch) plan.patchedRows += 1;
    plan.sends.push({
      rowIndex,
      rowKey: String(rowIndex),
      change,
      fields: parsed.fields,
      cells,
      fingerprint,
      idCell,
      patched: patch?.cells !== undefined,
      label,
    });
  });

  const present = new Set(plan.presentIds);
  plan.deletes = [...new Set(input.knownIds)].filter((id) => !present.has(id));
  return plan;
}

/** A changed row sent again as a new one (its id is unknown to the server). */
export function asNewRow(send: SendRow): SendRow {
  const { id: _id, version: _version, ...change } = send.change;
  return { ...send, change };
}
