import { describe, expect, it } from 'vitest';
import { personSheet, unitSheet, userSheet } from '#shared/sheet/org-columns';
import { orgSheetValues, readOrgSheet } from '#shared/sheet/org-sheet';
import { isoToSerial } from '#shared/sheet/excel-dates';
import { DEMO_PEOPLE, DEMO_UNITS, DEMO_USERS } from '#shared/seed/demo-office';
import type { CellValue } from '#shared/sheet/cells';

const ctx = { units: DEMO_UNITS };
const people = personSheet(ctx);

/** The grid with its columns in another order and an extra column of the office's own at the front. */
function shuffled(values: CellValue[][], order: number[]): CellValue[][] {
  return values.map((row, r) => [r === 0 ? 'Ghi chú riêng' : 'x', ...order.map((c) => row[c] ?? '')]);
}

describe('the Cán bộ sheet schema', () => {
  const written = orgSheetValues(people, DEMO_PEOPLE);

  it('writes Vietnamese headers and sorts by given name, then the full name, in Vietnamese order', () => {
    expect(written[0]!.slice(0, 7)).toEqual(['STT', 'Mã cán bộ', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Giới tính', 'Ngày sinh']);
    const names = written.slice(1).map((row) => String(row[2]));
    const given = names.map((name) => name.split(' ').at(-1)!);
    expect(given.indexOf('Anh')).toBeLessThan(given.indexOf('Ánh'));
    expect(given.findIndex((g) => g.startsWith('D'))).toBeLessThan(
      given.findIndex((g) => g.startsWith('Đ')) === -1 ? Infinity : given.findIndex((g) => g.startsWith('Đ')),
    );
  });

  it('reads back every row unchanged wherever its columns are, with an extra column', () => {
    const order = [...written[0]!.keys()].reverse();
    const read = readOrgSheet(people, shuffled(written, order));
    expect(read.rows).toHaveLength(DEMO_PEOPLE.length);
    expect(read.rows.every((row) => !row.changed && row.problems.length === 0)).toBe(true);
    const flagged = read.rows.find((row) => row.id === 'cb-013')!;
    expect(flagged.fields).toMatchObject({ underDiscipline: true, unitId: DEMO_PEOPLE[12]!.unitId });
  });

  it('reads a pasted list: no codes, units by short name, dates as serials or dd/MM/yyyy text; bad cells are problems', () => {
    const values: CellValue[][] = [
      ['Họ và tên', 'Đơn vị', 'Giới tính', 'Ngày sinh', 'Chức vụ'],
      ['Nguyễn Thị Mới', 'KT', 'Nữ', isoToSerial('1990-02-03'), '=SUM(A1)'],
      ['Lê Văn Hai', 'Phòng Tổng hợp', 'nam', '04/05/1988', ''],
      ['Sai Ngày', 'KT', 'X', '31/02/1990', ''],
    ];
    const read = readOrgSheet(people, values);
    expect(read.rows.map((row) => row.changed)).toEqual([true, true, true]);
    expect(read.rows[0]!.fields).toMatchObject({
      fullName: 'Nguyễn Thị Mới',
      unitId: 'kinh-te',
      gender: 'female',
      birthDate: '1990-02-03',
      title: '=SUM(A1)',
    });
    expect(read.rows[0]!.id).toBeUndefined();
    expect(read.rows[1]!.fields).toMatchObject({ unitId: 'tong-hop', gender: 'male', birthDate: '1988-05-04' });
    expect(read.rows[2]!.fields).toBeUndefined();
    expect(read.rows[2]!.problems.map((p) => p.columnId)).toEqual(['gender', 'birthDate']);
  });

  it('writes formula-looking text as text', () => {
    const values = orgSheetValues(people, [{ ...DEMO_PEOPLE[0]!, title: '=HYPERLINK("x")' }]);
    expect(values[1]![4]).toBe('\'=HYPERLINK("x")');
  });

  it('sees an edited cell as a change', () => {
    const edited = written.map((row) => [...row]);
    edited[3]![4] = 'Phó Giám đốc';
    const read = readOrgSheet(people, edited);
    expect(read.rows.filter((row) => row.changed).map((row) => row.index)).toEqual([3]);
  });
});

describe('the Đơn vị and Người dùng sheet schemas', () => {
  it('round-trip units and users, labels in Vietnamese', () => {
    const units = unitSheet(ctx);
    expect(readOrgSheet(units, orgSheetValues(units, DEMO_UNITS)).rows.every((row) => !row.changed && row.fields)).toBe(true);
    const users = userSheet(ctx);
    const values = orgSheetValues(users, DEMO_USERS);
    expect(values.flat()).toContain('Quản trị');
    expect(values.flat()).toContain('Thư ký Hội đồng');
    const read = readOrgSheet(users, values);
    expect(read.rows.every((row) => !row.changed && row.fields)).toBe(true);
  });
});

describe("a row's schema findings, in words at the cell", () => {
  const users = userSheet(ctx);
  const units = unitSheet(ctx);

  it('a unit the Đơn vị sheet does not hold is named, in vi and en, at the unit cell of each sheet', () => {
    const staff = readOrgSheet(people, [
      ['Họ và tên', 'Đơn vị'],
      ['Nguyễn Văn A', 'Phòng Không Có'],
    ]).rows[0]!;
    expect(staff.fields).toBeUndefined();
    expect(staff.problems).toEqual([
      {
        columnId: 'unit',
        message: {
          vi: expect.stringMatching(/^Đơn vị "Phòng Không Có" không có trong sheet Đơn vị: hãy chọn một đơn vị trong danh sách/),
          en: expect.stringMatching(/^Unit "Phòng Không Có" is not in the Đơn vị sheet: pick a unit/),
        },
      },
    ]);
    const user = readOrgSheet(users, [
      ['Thư điện tử', 'Họ và tên', 'Vai trò', 'Đơn vị'],
      ['a@vp.gov.vn', 'A', 'Đơn vị', 'Ban Ma'],
    ]).rows[0]!;
    expect(user.problems.map((p) => p.columnId)).toEqual(['unit']);
    expect(user.problems[0]!.message.vi).toMatch(/^Đơn vị "Ban Ma" không có trong sheet Đơn vị: /);
    const unit = readOrgSheet(units, [
      ['Tên đơn vị', 'Đơn vị cấp trên'],
      ['Tổ mới', 'Trung tâm Ma'],
    ]).rows[0]!;
    expect(unit.problems[0]).toMatchObject({
      columnId: 'parent',
      message: { vi: expect.stringContaining('Đơn vị cấp trên "Trung tâm Ma" không có') },
    });
  });

  it("says what is wrong with a code, an e-mail or a blank name, never zod's words", () => {
    const read = readOrgSheet(people, [
      ['Mã cán bộ', 'Họ và tên', 'Đơn vị', 'Chức vụ'],
      ['mã có dấu', 'Nguyễn Văn B', 'KT', ''],
      ['', '', 'KT', 'Chuyên viên'],
    ]);
    expect(read.rows.map((row) => row.problems.map((p) => p.columnId))).toEqual([['id'], ['fullName']]);
    expect(read.rows[0]!.problems[0]!.message.vi).toMatch(/^Mã "mã có dấu" chỉ được gồm chữ cái không dấu/);
    expect(read.rows[1]!.problems[0]!.message).toEqual({
      vi: 'Chưa ghi Họ và tên: hãy điền ô này',
      en: '"Họ và tên" is blank: fill it in',
    });
    const user = readOrgSheet(users, [
      ['Thư điện tử', 'Họ và tên', 'Vai trò'],
      ['không-phải-thư', 'C', 'Chỉ xem'],
    ]).rows[0]!;
    expect(user.problems).toEqual([
      {
        columnId: 'email',
        message: {
          vi: '"không-phải-thư" không phải địa chỉ thư điện tử: hãy ghi dạng ten@coquan.gov.vn',
          en: '"không-phải-thư" is not an e-mail address: write it as name@office.gov.vn',
        },
      },
    ]);
    const all = [...read.rows, user].flatMap((row) => row.problems.flatMap((p) => [p.message.vi, p.message.en]));
    expect(all.join(' ')).not.toMatch(/letters, digits|Invalid|Too small|expected/);
  });
});
