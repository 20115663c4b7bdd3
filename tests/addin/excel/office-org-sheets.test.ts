import { describe, expect, it } from 'vitest';
import { createOfficeOrgSheets } from '#addin/excel/office-org-sheets';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import type { Person } from '#shared/org';
import { personSheet } from '#shared/sheet/org-columns';
import { orgSheetValues, readOrgSheet } from '#shared/sheet/org-sheet';
import { standInExcel } from '#tests/support/office/excel';

const schema = personSheet({ units: DEMO_UNITS });

/** n staff, spread over the demo units, named by a walk through the demo names. */
function staff(n: number): Person[] {
  return Array.from({ length: n }, (_, i) => ({
    ...DEMO_PEOPLE[i % DEMO_PEOPLE.length]!,
    id: `cb-${i + 1}`,
    fullName: `${DEMO_PEOPLE[i % DEMO_PEOPLE.length]!.fullName} ${i}`,
  }));
}

function setup() {
  const office = standInExcel();
  return { office, sheets: createOfficeOrgSheets({ excel: office.excel, isSetSupported: office.isSetSupported }) };
}

describe('the Cán bộ sheet in Excel', () => {
  it('is written in two syncs, read in one and its results written in one, at 200 and 2,000 rows', async () => {
    const counts: number[][] = [];
    for (const n of [200, 2000]) {
      const { office, sheets } = setup();
      await sheets.writeSheet(schema.sheetName, schema.columns, orgSheetValues(schema, staff(n)), false);
      const afterWrite = sheets.syncCount;
      const values = await sheets.readSheet(schema.sheetName);
      const afterRead = sheets.syncCount;
      const read = readOrgSheet(schema, values!);
      expect(read.rows).toHaveLength(n);
      expect(read.rows.some((row) => row.changed)).toBe(false);
      await sheets.writeColumns(schema.sheetName, 1, [{ column: read.at.messages!, values: read.rows.map(() => 'Đã lưu') }]);
      counts.push([afterWrite, afterRead - afterWrite, sheets.syncCount - afterRead]);
      expect(Math.max(...office.host.stats.requests.map((request) => request.bytes))).toBeLessThan(5 * 1024 * 1024);
    }
    expect(counts).toEqual([
      [2, 1, 1],
      [2, 1, 1],
    ]);
  });

  it('lays out Vietnamese headers, hides the bookkeeping, keeps typed text as text and dates as dates', async () => {
    const { office, sheets } = setup();
    await sheets.writeSheet(
      schema.sheetName,
      schema.columns,
      orgSheetValues(schema, [{ ...DEMO_PEOPLE[0]!, title: '=1+1', birthDate: '1990-01-02' }]),
      false,
    );
    const sheet = office.workbook.sheet('Cán bộ')!;
    const at = (id: string) => schema.columns.findIndex((column) => column.id === id);
    expect(sheet.value(0, at('fullName'))).toBe('Họ và tên');
    expect(sheet.value(1, at('title'))).toBe('=1+1');
    expect(sheet.get(1, at('title'))!.formula).toBeUndefined();
    expect(sheet.formatAt(1, at('birthDate'))).toBe('dd/mm/yyyy');
    expect(sheet.formatAt(300, at('fullName'))).toBe('@');
    expect(sheet.hiddenColumns.has(at('rowHash'))).toBe(true);
    expect(sheet.hiddenColumns.has(at('fullName'))).toBe(false);
    expect(sheet.frozenRows).toBe(1);
  });

  it('reads a missing sheet as undefined', async () => {
    const { sheets } = setup();
    expect(await sheets.readSheet('Cán bộ')).toBeUndefined();
  });
});
