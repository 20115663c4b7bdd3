import type { Localized } from '#shared/localized';
import { MAX_ACHIEVEMENTS_LENGTH, MAX_SHORT_TEXT, NominationFields, type DossierDocument } from '#shared/nomination';
import type { NominationStatus } from '#shared/status';
import type { CellValue, ColumnDef, SheetContext } from './columns';
import { readDateCell } from './excel-dates';
import { matchLabel, normalize, NOMINEE_KIND_LABELS, STATUS_LABELS, STATUS_LABELS_EN, YES } from './labels';

/** A cell the add-in cannot turn into a nomination field: shown at once, and the row is not sent. */
export interface CellProblem {
  columnId: string;
  message: Localized;
}

export interface ParsedRow {
  id?: string;
  version?: number;
  rowHash?: string;
  /** The nomination as typed; absent when a problem keeps the row from being sent. */
  fields?: NominationFields;
  problems: CellProblem[];
  /** Every input cell is blank: the row is not a nomination (Excel tables keep blank rows around). */
  empty: boolean;
}

const text = (value: CellValue | undefined): string => (value === null || value === undefined ? '' : String(value).trim());

function findByName<T>(items: readonly T[], typed: string, names: (item: T) => (string | undefined)[]): T | undefined {
  const wanted = normalize(typed);
  return items.find((item) => names(item).some((name) => name !== undefined && normalize(name) === wanted));
}

/** "Kế hoạch, triển khai; Chuyển đổi số" → codes, by the plan's short labels, its text or the codes. */
function codesFrom(typed: string, items: readonly { code: string; label?: Localized; text?: Localized; name?: Localized }[]): string[] {
  if (!typed) return [];
  const parts = typed.includes(';') || typed.includes('\n') ? typed.split(/[;\n]/) : [typed];
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map(
      (part) => findByName(items, part, (item) => [item.code, item.label?.vi, item.label?.en, item.text?.vi, item.name?.vi])?.code ?? part,
    );
}

const problem = (columnId: string, vi: string, en: string): CellProblem => ({ columnId, message: { vi, en } });

/**
 * One sheet row back into what the server takes. Names are resolved against the registry (a unit by
 * its name, a person within the nominating unit first); a name it does not know is kept as typed, for
 * the server's rule 2 to flag, so that nothing typed is lost. Only what cannot be sent at all (a date
 * that is no date, an unknown status, a missing key field) is a problem here.
 */
export function parseRow(values: readonly CellValue[], columns: readonly ColumnDef[], ctx: SheetContext): ParsedRow {
  const cell = new Map(columns.map((column, index) => [column.id, values[index] ?? null]));
  const get = (id: string) => text(cell.get(id));
  const problems: CellProblem[] = [];
  const inputs = columns.filter((column) => column.role === 'input');
  const empty = inputs.every((column) => text(cell.get(column.id)) === '');

  const id = get('id') || undefined;
  const versionCell = cell.get('version');
  const version = typeof versionCell === 'number' ? versionCell : Number.parseInt(text(versionCell), 10) || undefined;
  const base: ParsedRow = {
    problems,
    empty,
    ...(id ? { id } : {}),
    ...(version ? { version } : {}),
    ...(get('rowHash') ? { rowHash: get('rowHash') } : {}),
  };
  if (empty) return base;

  const typedUnit = get('unit');
  const unit = findByName(ctx.units, typedUnit, (u) => [u.id, u.name, u.shortName]);
  if (!typedUnit) problems.push(problem('unit', 'Chưa chọn đơn vị đề nghị', 'The nominating unit is missing'));

  const kind = matchLabel(NOMINEE_KIND_LABELS, get('nomineeKind'));
  if (!kind)
    problems.push(problem('nomineeKind', 'Chọn "Tập thể" hoặc "Cá nhân"', 'Choose "Tập thể" (collective) or "Cá nhân" (individual)'));

  const typedNominee = get('nominee');
  if (!typedNominee) problems.push(problem('nominee', 'Chưa ghi tên tập thể, cá nhân', 'The nominee is missing'));
  let nomineeId = typedNominee;
  if (kind === 'collective') {
    nomineeId = findByName(ctx.units, typedNominee, (u) => [u.id, u.name, u.shortName])?.id ?? typedNominee;
  } else if (kind === 'individual') {
    const named = (p: { id: string; fullName: string }) => [p.id, p.fullName];
    const inUnit = unit
      ? findByName(
          ctx.people.filter((p) => p.unitId === unit.id),
          typedNominee,
          named,
        )
      : undefined;
    nomineeId = (inUnit ?? findByName(ctx.people, typedNominee, named))?.id ?? typedNominee;
  }

  const typedForm = get('awardForm');
  const awardForm = findByName(ctx.campaign.awardForms, typedForm, (f) => [f.code, f.name.vi, f.name.en])?.code;
  if (!typedForm) problems.push(problem('awardForm', 'Chưa chọn hình thức khen thưởng', 'The award form is missing'));

  const typedStatus = get('status');
  const status: NominationStatus | undefined = typedStatus
    ? (matchLabel(STATUS_LABELS, typedStatus) ?? matchLabel(STATUS_LABELS_EN, typedStatus))
    : 'draft';
  if (!status) problems.push(problem('status', `Trạng thái "${typedStatus}" không hợp lệ`, `Unknown status "${typedStatus}"`));

  const date = (columnId: string): string | undefined => {
    const { iso, invalid } = readDateCell(cell.get(columnId));
    if (invalid) problems.push(problem(columnId, `"${invalid}" không phải ngày dd/MM/yyyy`, `"${invalid}" is not a dd/MM/yyyy date`));
    return iso;
  };

  const dossier: Record<string, DossierDocument> = {};
  for (const requirement of ctx.campaign.dossierRequirements) {
    const prefix = `dossier.${requirement.code}`;
    const number = get(`${prefix}.number`);
    const docDate = date(`${prefix}.date`);
    const present = normalize(get(`${prefix}.present`)) === normalize(YES);
    if (present || number || docDate) {
      dossier[requirement.code] = { present, ...(number ? { number } : {}), ...(docDate ? { date: docDate } : {}) };
    }
  }
  const receivedDate = date('receivedDate');

  const tooLong = (columnId: string, max: number) => {
    if (get(columnId).length > max) {
      problems.push(problem(columnId, `Quá ${max} ký tự`, `Longer than ${max} characters`));
    }
  };
  tooLong('achievements', MAX_ACHIEVEMENTS_LENGTH);
  tooLong('returnReason', MAX_SHORT_TEXT);
  tooLong('note', MAX_SHORT_TEXT);

  if (problems.length > 0) return base;
  const parsed = NominationFields.safeParse({
    unitId: unit?.id ?? typedUnit,
    nomineeKind: kind,
    nomineeId,
    awardForm: awardForm ?? typedForm,
    achievements: get('achievements'),
    criteriaMet: codesFrom(get('criteriaMet'), ctx.campaign.criteria),
    movements: codesFrom(get('movements'), ctx.campaign.movements),
    dossier,
    ...(receivedDate ? { receivedDate } : {}),
    status,
    ...(get('returnReason') ? { returnReason: get('returnReason') } : {}),
    ...(get('note') ? { note: get('note') } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = columns.find((c) => c.field === field) ?? columns.find((c) => c.role === 'input')!;
      problems.push(problem(column.id, `Giá trị không hợp lệ: ${issue.message}`, `Invalid value: ${issue.message}`));
    }
    return base;
  }
  return { ...base, fields: parsed.data };
}
