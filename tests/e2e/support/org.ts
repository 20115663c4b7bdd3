import { DEMO_UNITS } from '#shared/seed/demo-office';
import { banners, waitForPane, type CouncilView } from './council';
import type { HostPage } from './host-page';

/**
 * Steps of the "Tổ chức" section (issue 10): a sheet's "Mở / làm mới" or "Lưu" clicked and the pane's
 * status line waited for, an org sheet's cells read, and a staff list as another workbook holds it.
 */
export type OrgSheetId = 'units' | 'people' | 'users';

export async function orgAction(excel: HostPage, sheet: OrgSheetId, button: 'Mở / làm mới' | 'Lưu', until: RegExp): Promise<CouncilView> {
  await excel.pane.locator(`[data-org-sheet="${sheet}"]`).getByRole('button', { name: button, exact: true }).click();
  return waitForPane(excel, (state) => !state.busy && until.test(banners(state)), `${sheet} "${button}" → ${until}`);
}

/** An org sheet's cells as their texts, by header: one object per row under the header row (row 0), up to `rows`. */
export async function orgRows(excel: HostPage, sheet: string, rows: number): Promise<Record<string, string>[]> {
  return excel.host(
    (host, arg) => {
      const headers = Array.from({ length: 20 }, (_, column) => host.cell(arg.sheet, 0, column).text);
      return Array.from({ length: arg.rows }, (_, r) =>
        Object.fromEntries(headers.flatMap((name, column) => (name ? [[name, host.cell(arg.sheet, r + 1, column).text]] : []))),
      );
    },
    { sheet, rows },
  );
}

/** The first blank row under an org sheet's header (0-based), by its key column. */
export async function firstBlankRow(excel: HostPage, sheet: string, keyColumn: number): Promise<number> {
  return excel.host(
    (host, arg) => {
      let row = 1;
      while (host.cell(arg.sheet, row, arg.column).text !== '') row += 1;
      return row;
    },
    { sheet, column: keyColumn },
  );
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Linh', 'Minh', 'Ngọc', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Uyên', 'Yến'];
const TITLES = ['Chuyên viên', 'Chuyên viên chính', 'Phó Trưởng phòng', 'Nhân viên', '-Kế toán viên'];

/**
 * `count` staff as another workbook lists them, in the Cán bộ sheet's order from "Họ và tên": the name,
 * the unit by its name or its short name (lower case, spaces around), the position (one that starts
 * with "-", which must stay text), the gender as typed ("nữ", "Nam"), the birth date as dd/MM/yyyy
 * text. Every unit but the HR office gets some; `unitOf` overrides a row's unit.
 */
export function staffList(count: number, unitOf: (index: number) => string | undefined = () => undefined): string[][] {
  const units = DEMO_UNITS.filter((unit) => !unit.isHrOffice);
  return Array.from({ length: count }, (_, i) => {
    const unit = units[i % units.length]!;
    const female = i % 2 === 0;
    const name = `${FAMILY[i % FAMILY.length]} ${female ? 'Thị' : 'Văn'} ${GIVEN[Math.floor(i / 4) % GIVEN.length]}`;
    const typedUnit = unitOf(i) ?? (i % 3 === 0 ? ` ${unit.shortName!.toLowerCase()} ` : unit.name);
    const birth = `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${1970 + (i % 30)}`;
    return [name, typedUnit, TITLES[i % TITLES.length]!, female ? 'nữ' : 'Nam', birth];
  });
}
