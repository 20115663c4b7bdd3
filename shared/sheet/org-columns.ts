import { PersonInput, UnitInput } from '#shared/api/org-sheets';
import { UserFields, type Person, type Role, type Unit, type User } from '#shared/org';
import { unitMessages } from '#shared/registry/findings';
import { comparePersonNames, compareVietnamese } from '#shared/text';
import { cellText, dateCell, findByName, readDate, readText, sheetText, type CellValue, type RowReader } from './cells';
import { matchLabel, YES } from './labels';
import type { OrgColumn, OrgSheetContext, OrgSheetSchema } from './org-sheet';

/** A unit's names, one function so that their index is kept (cells.ts nameIndex). */
const UNIT_NAMES = (u: { id: string; name: string; shortName?: string }) => [u.id, u.name, u.shortName];

/**
 * The three org sheets' columns, in Vietnamese whatever language the pane shows (the workbook is the
 * office's). Each is read and written by its schema here and nowhere else.
 */
export const GENDER_LABELS = { female: 'Nữ', male: 'Nam' } as const;
export const DISCIPLINE_LABELS = { discipline: 'Kỷ luật', investigation: 'Điều tra', complaint: 'Khiếu nại chưa giải quyết' } as const;
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  hr: 'Phòng HCTC-QTTV',
  unit: 'Đơn vị',
  secretary: 'Thư ký Hội đồng',
  viewer: 'Chỉ xem',
};

const ordinal = { id: 'ordinal', header: 'STT', width: 6, role: 'derived', format: 'general', write: () => '' } as const;
const messages = { id: 'messages', header: 'Kết quả kiểm tra', width: 60, role: 'output', format: 'text', write: () => '' } as const;
const rowHash = {
  id: 'rowHash',
  header: 'Dấu kiểm',
  width: 10,
  role: 'system',
  format: 'text',
  write: () => '',
  read: readText('rowHash', Infinity, true),
} as const;
const version = <T extends { version?: number | undefined }>(): OrgColumn<T> => ({
  id: 'version',
  header: 'Phiên bản',
  width: 8,
  role: 'system',
  format: 'general',
  write: (item) => item.version ?? 1,
  read: (value, { row }) => {
    const n = typeof value === 'number' ? value : Number.parseInt(cellText(value), 10);
    if (n > 0) row.version = n;
  },
});

/** A text column of a field: written as text (never a formula), read trimmed, blank left out. */
function text<T>(
  id: string,
  header: string,
  width: number,
  field: keyof T & string,
  max: number,
  more: Partial<OrgColumn<T>> = {},
): OrgColumn<T> {
  return {
    id,
    header,
    width,
    role: 'input',
    format: 'text',
    field,
    write: (item) => sheetText(item[field] as string | undefined),
    read: readText(field, max, !more.key),
    ...more,
  };
}

/** "Có" or blank, for a flag. */
function flag<T>(id: string, header: string, field: keyof T & string): OrgColumn<T> {
  return {
    id,
    header,
    width: 12,
    role: 'input',
    format: 'text',
    field,
    options: [YES],
    write: (item) => (item[field] ? YES : ''),
    read: (value, { row }) => (row[field] = cellText(value) !== '' && !/^(không|khong|no|0|false)$/i.test(cellText(value))),
  };
}

function date<T>(id: string, header: string, field: keyof T & string): OrgColumn<T> {
  return {
    id,
    header,
    width: 12,
    role: 'input',
    format: 'date',
    field,
    write: (item) => dateCell(item[field] as string | undefined),
    read: (value, reader) => {
      const iso = readDate(value, reader);
      if (iso) reader.row[field] = iso;
    },
  };
}

/** A unit by name, short name or code; what it does not know is kept as typed, for the server to refuse with the cell. */
function unitColumn<T>(ctx: OrgSheetContext, id: string, header: string, field: 'unitId' | 'parentId'): OrgColumn<T> {
  return {
    id,
    header,
    width: 30,
    role: 'input',
    format: 'text',
    field,
    options: ctx.units.map((unit) => unit.name),
    invalid: field === 'unitId' ? unitMessages.unknownUnit : unitMessages.unknownParent,
    write: (item) => {
      const unitId = (item as Record<string, string | undefined>)[field];
      return sheetText(ctx.units.find((unit) => unit.id === unitId)?.name ?? unitId);
    },
    read: (value: CellValue, { row }: RowReader) => {
      const typed = cellText(value);
      if (typed) row[field] = findByName(ctx.units, typed, UNIT_NAMES)?.id ?? typed;
    },
  };
}

export function unitSheet(ctx: OrgSheetContext): OrgSheetSchema<Unit, UnitInput> {
  return {
    sheetName: 'Đơn vị',
    compare: (a, b) => compareVietnamese(a.name, b.name),
    idOf: (unit) => unit.id,
    fields: UnitInput,
    columns: [
      ordinal,
      text<Unit>('id', 'Mã đơn vị', 14, 'id', 64),
      text<Unit>('name', 'Tên đơn vị', 40, 'name', 200, { key: true }),
      text<Unit>('shortName', 'Tên viết tắt', 14, 'shortName', 40),
      unitColumn<Unit>(ctx, 'parent', 'Đơn vị cấp trên', 'parentId'),
      flag<Unit>('isHrOffice', 'Phòng HCTC-QTTV', 'isHrOffice'),
      flag<Unit>('underDiscipline', 'Đang bị xem xét kỷ luật', 'underDiscipline'),
      messages,
      version<Unit>(),
      rowHash,
    ],
  };
}
export type UnitInput = import('zod').infer<typeof UnitInput>;
export type PersonInput = import('zod').infer<typeof PersonInput>;

export function personSheet(ctx: OrgSheetContext): OrgSheetSchema<Person, PersonInput> {
  return {
    sheetName: 'Cán bộ',
    compare: (a, b) => comparePersonNames(a.fullName, b.fullName),
    idOf: (person) => person.id,
    fields: PersonInput,
    columns: [
      ordinal,
      text<Person>('id', 'Mã cán bộ', 14, 'id', 64),
      text<Person>('fullName', 'Họ và tên', 28, 'fullName', 120, { key: true }),
      unitColumn<Person>(ctx, 'unit', 'Đơn vị', 'unitId'),
      text<Person>('title', 'Chức vụ', 22, 'title', 120),
      {
        id: 'gender',
        header: 'Giới tính',
        width: 10,
        role: 'input',
        format: 'text',
        field: 'gender',
        options: Object.values(GENDER_LABELS),
        write: (p) => (p.gender ? GENDER_LABELS[p.gender] : ''),
        read: (value, { row, problem }) => {
          const typed = cellText(value);
          if (!typed) return;
          row.gender = matchLabel(GENDER_LABELS, typed);
          if (!row.gender) problem(`Giới tính "${typed}": ghi "Nam" hoặc "Nữ"`, `Gender "${typed}": write "Nam" (male) or "Nữ" (female)`);
        },
      },
      date<Person>('birthDate', 'Ngày sinh', 'birthDate'),
      {
        id: 'discipline',
        header: 'Kỷ luật, điều tra, khiếu nại',
        width: 18,
        role: 'input',
        format: 'text',
        field: 'disciplineKind',
        options: Object.values(DISCIPLINE_LABELS),
        write: (p) => (p.disciplineKind ? DISCIPLINE_LABELS[p.disciplineKind] : p.underDiscipline ? YES : ''),
        read: (value, { row, problem }) => {
          const typed = cellText(value);
          row.underDiscipline = typed !== '';
          if (!typed || matchLabel({ yes: YES }, typed)) return;
          row.disciplineKind = matchLabel(DISCIPLINE_LABELS, typed);
          if (!row.disciplineKind)
            problem(
              `"${typed}": chọn ${Object.values(DISCIPLINE_LABELS).join(', ')} hoặc để trống`,
              `"${typed}": pick one of the list or leave it blank`,
            );
        },
      },
      text<Person>('disciplineNote', 'Lý do', 30, 'disciplineNote', 500),
      date<Person>('disciplineFrom', 'Từ ngày', 'disciplineFrom'),
      date<Person>('disciplineTo', 'Đến ngày', 'disciplineTo'),
      flag<Person>('left', 'Đã nghỉ', 'left'),
      messages,
      version<Person>(),
      rowHash,
    ],
  };
}

export function userSheet(ctx: OrgSheetContext): OrgSheetSchema<User, UserFields> {
  return {
    sheetName: 'Người dùng',
    compare: (a, b) => compareVietnamese(a.displayName, b.displayName) || compareVietnamese(a.email, b.email),
    idOf: (user) => user.email.toLowerCase(),
    fields: UserFields,
    columns: [
      ordinal,
      text<User>('email', 'Thư điện tử', 30, 'email', 254, { key: true }),
      text<User>('displayName', 'Họ và tên', 28, 'displayName', 120),
      {
        id: 'role',
        header: 'Vai trò',
        width: 18,
        role: 'input',
        format: 'text',
        field: 'role',
        options: Object.values(ROLE_LABELS),
        write: (u) => ROLE_LABELS[u.role],
        read: (value, { row, problem }) => {
          const typed = cellText(value);
          row.role = matchLabel(ROLE_LABELS, typed);
          if (!row.role) problem(`Vai trò "${typed}": chọn một vai trò trong danh sách`, `Role "${typed}": pick a role from the list`);
        },
      },
      unitColumn<User>(ctx, 'unit', 'Đơn vị', 'unitId'),
      messages,
      version<User>(),
      rowHash,
    ],
  };
}

/** The column makers, for the sheets built on the same machinery (the award register's history sheet). */
export { date as dateColumn, messages as messagesColumn, ordinal as ordinalColumn, text as textColumn };
