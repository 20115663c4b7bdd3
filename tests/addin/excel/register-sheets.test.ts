import { describe, expect, it } from 'vitest';
import { createOfficeOrgSheets } from '#addin/excel/office-org-sheets';
import { readOrgSheet } from '#shared/sheet/org-sheet';
import { HISTORY_SCHEMA, lookupSheetValues, LOOKUP_COLUMNS, LOOKUP_SHEET } from '#shared/sheet/register-sheets';
import type { RegisterEntry } from '#shared/register/entry';
import { standInExcel } from '#tests/support/office/excel';

function setup() {
  const office = standInExcel();
  return { office, sheets: createOfficeOrgSheets({ excel: office.excel, isSetSupported: office.isSetSupported }) };
}

const entry = (n: number): RegisterEntry => ({
  id: `2025#${n}#`,
  nomineeKind: 'individual',
  name: `Nguyễn Văn ${n}`,
  unitName: 'Phòng Kinh tế',
  awardFormName: 'Giấy khen của Chánh Văn phòng',
  decisionNumber: n === 0 ? '=HYPERLINK("x")' : `${n}/QĐ-VP`,
  decisionDate: '2025-10-05',
  year: 2025,
  source: 'issued',
  recordedAt: '2025-10-05T00:00:00.000Z',
  recordedBy: 'tochuc@thidua.local',
});

describe('the award register’s sheets in Excel', () => {
  it('the lookup is written read-only in two syncs whatever its length, dates as dd/MM/yyyy, typed text never a formula', async () => {
    for (const n of [3, 1000]) {
      const { office, sheets } = setup();
      const subject = { kind: 'individual' as const, name: 'Nguyễn Văn' };
      await sheets.writeSheet(
        LOOKUP_SHEET,
        LOOKUP_COLUMNS,
        lookupSheetValues({ subject, entries: Array.from({ length: n }, (_, i) => entry(i)) }),
        true,
      );
      expect(sheets.syncCount).toBe(2);
      const sheet = office.workbook.sheet(LOOKUP_SHEET)!;
      expect(sheet.value(0, 4)).toBe('Số quyết định');
      expect(sheet.value(1, 5)).toBe('05/10/2025');
      expect(sheet.get(1, 4)!.formula).toBeUndefined();
      expect(sheet.value(n, 0)).toBe(n);
    }
  });

  it('the history sheet is laid out for typing, and what HR types is read back by its column schema', async () => {
    const { office, sheets } = setup();
    await sheets.writeSheet(HISTORY_SCHEMA.sheetName, HISTORY_SCHEMA.columns, [HISTORY_SCHEMA.columns.map((c) => c.header)], false);
    const sheet = office.workbook.sheet(HISTORY_SCHEMA.sheetName)!;
    const at = (id: string) => HISTORY_SCHEMA.columns.findIndex((column) => column.id === id);
    expect(sheet.formatAt(5, at('decisionDate'))).toBe('dd/mm/yyyy');
    expect(sheet.formatAt(5, at('decisionNumber'))).toBe('@');
    const typed = ['', 'Hoàng Thị Lan', 'KT', 'Cá nhân', 'Giấy khen', '07/QĐ-VP', '05/10/2025', 2025, '', ''];
    await sheets.writeColumns(
      HISTORY_SCHEMA.sheetName,
      1,
      typed.map((value, column) => ({ column, values: [value] })),
    );
    const read = readOrgSheet(HISTORY_SCHEMA, (await sheets.readSheet(HISTORY_SCHEMA.sheetName))!);
    expect(read.rows).toEqual([
      expect.objectContaining({
        problems: [],
        fields: expect.objectContaining({
          name: 'Hoàng Thị Lan',
          unit: 'KT',
          decisionDate: '2025-10-05',
          year: 2025,
          nomineeKind: 'individual',
        }),
      }),
    ]);
  });
});
