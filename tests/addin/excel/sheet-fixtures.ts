import { DEMO_PEOPLE, DEMO_UNITS, SEED_CAMPAIGN } from '#shared/index';
import { buildColumns, SHEET_NAME, TABLE_NAME, type CellValue, type SheetContext } from '#shared/sheet/index';
import type { ResultsBatch, RowExpectation, RowWrite } from '#addin/excel/gateway';
import { createOfficeGateway, type OfficeGatewayOptions } from '#addin/excel/office-gateway';
import { contentFingerprint, idCellText } from '#addin/excel/relocate';
import type { ExcelHostOptions } from '#tests/e2e/host/excel-api';
import type { Workbook } from '#tests/e2e/host/model';
import { putRows, standInExcel } from '#tests/support/office/excel';

/** The seed campaign's columns over the demo office: 26 columns, 3 of them hidden bookkeeping. */
export const sheetContext: SheetContext = { campaign: SEED_CAMPAIGN, units: DEMO_UNITS, people: DEMO_PEOPLE };
export const columns = buildColumns(sheetContext);
export const col = (id: string): number => columns.findIndex((column) => column.id === id);
export const header = (id: string): string => columns[col(id)]!.header;

const UNITS = DEMO_UNITS.map((unit) => unit.name);

/**
 * A row as an HR officer fills it: names from the dropdowns, a summary of achievements of a few
 * hundred Vietnamese characters, document numbers, dates as serials, and the add-in's bookkeeping.
 */
export function typicalRow(i: number): CellValue[] {
  const values: Record<string, CellValue> = {
    // The STT the add-in writes on a row holding a nomination: its place among them.
    ordinal: i + 1,
    unit: UNITS[i % UNITS.length]!,
    nomineeKind: i % 3 === 0 ? 'Tập thể' : 'Cá nhân',
    nominee: i % 3 === 0 ? UNITS[(i + 1) % UNITS.length]! : `Nguyễn Thị Hồng Nhung ${i}`,
    awardForm: i % 2 === 0 ? 'Bằng khen của Chủ tịch UBND tỉnh' : 'Giấy khen của Chánh Văn phòng',
    achievements:
      'Hoàn thành xuất sắc nhiệm vụ được giao, chủ động tham mưu triển khai Kế hoạch số 645/KH-UBND; ' +
      'đề xuất sáng kiến cải tiến quy trình tiếp nhận và xử lý văn bản, rút ngắn thời gian xử lý hồ sơ; ' +
      'tích cực tham gia phong trào chuyển đổi số và cải cách hành chính của cơ quan.',
    criteriaMet: 'Kế hoạch, triển khai; Thành tích nổi bật',
    movements: 'Chuyển đổi số',
    'dossier.TO_TRINH.present': 'Có',
    'dossier.TO_TRINH.number': `${String(i % 100).padStart(2, '0')}/TTr-VP`,
    'dossier.TO_TRINH.date': 45_900 + (i % 30),
    'dossier.BIEN_BAN_HOP_XET.present': 'Có',
    'dossier.BIEN_BAN_HOP_XET.number': `${i}/BB-HĐTĐKT`,
    'dossier.BIEN_BAN_HOP_XET.date': 45_901,
    'dossier.BAO_CAO_THANH_TICH.present': i % 7 === 0 ? 'Không' : 'Có',
    'dossier.BAO_CAO_THANH_TICH.number': '',
    'dossier.BAO_CAO_THANH_TICH.date': '',
    receivedDate: 45_910,
    status: 'Dự thảo',
    returnReason: '',
    note: '',
    messages: '',
    id: `nom-${String(i).padStart(6, '0')}`,
    version: 1,
    rowHash: `h${i.toString(36)}`,
  };
  return columns.map((column) => values[column.id] ?? '');
}

/** What a save hands back for a row: bookkeeping, messages, a mark, and now and then a finding. */
export function typicalResult(i: number): RowWrite {
  const warned = i % 10 === 0;
  return {
    rowIndex: i,
    system: { id: `nom-${String(i).padStart(6, '0')}`, version: 2, rowHash: `k${i.toString(36)}` },
    messages: warned ? 'Cảnh báo: số đề nghị Bằng khen vượt chỉ tiêu (1); Hội đồng sẽ bình xét, bỏ phiếu.' : 'Đã lưu.',
    mark: warned ? 'warning' : 'ok',
    notes: warned ? [{ columnId: 'awardForm', text: 'Quy tắc 4 (chỉ tiêu): quá số lượng khen thưởng' }] : [],
  };
}

/** What a row held when a save read it (undefined: no such row, which nothing in the sheet matches). */
export function expectationOf(row: readonly CellValue[] | undefined): RowExpectation {
  if (!row) return { fingerprint: 'no row' };
  const id = idCellText(row, columns);
  return { ...(id ? { id } : {}), fingerprint: contentFingerprint(row, columns) };
}

/** A save's results as the controller hands them over: each write with what its row held in `read`. */
export function resultsFor(read: readonly CellValue[][], writes: readonly RowWrite[], knownIds?: string[]): ResultsBatch {
  return {
    rowCountAtRead: read.length,
    writes: writes.map((write) => ({ ...write, expect: expectationOf(read[write.rowIndex]) })),
    ...(knownIds ? { knownIds } : {}),
  };
}

/** The same, the rows taken straight from the workbook's table (schema order), as if readRows had just run. */
export function resultsNow(workbook: Workbook, writes: readonly RowWrite[], knownIds?: string[]): ResultsBatch {
  const body = workbook.table(TABLE_NAME)!.bodyValues();
  const read = body.length === 1 && body[0]!.every((value) => value === '') ? [] : body;
  return resultsFor(read, writes, knownIds);
}

/** The ExcelApi version each kind of host reports: notes (1.18+), threaded comments only (1.10), neither. */
const NOTES_HOSTS = { notes: '1.20', comments: '1.10', none: '1.8' } as const;

/**
 * A gateway over a fresh stand-in workbook; `notes` picks what the host supports. `ran(label)`: the
 * operations run with that label (Type.member), in order.
 */
export function setup(
  options: ExcelHostOptions & { notes?: keyof typeof NOTES_HOSTS } & Omit<OfficeGatewayOptions, 'excel' | 'isSetSupported'> = {},
) {
  const office = standInExcel({ ...options, requirements: { ExcelApi: NOTES_HOSTS[options.notes ?? 'notes'] } });
  const gateway = createOfficeGateway({
    excel: office.excel,
    isSetSupported: office.isSetSupported,
    editDebounceMs: 0,
    ...options,
  });
  const ran = (label: string) => office.host.operations!.filter((operation) => operation.label === label);
  return { ...office, gateway, ran };
}

/** Creates the sheet through the gateway, then puts rows straight into the table (as if typed), logging nothing. */
export async function withRows(options: Parameters<typeof setup>[0], rows: CellValue[][]) {
  const office = setup(options);
  await office.gateway.ensureSheet(columns);
  const table = office.workbook.table(TABLE_NAME)!;
  putRows(table.sheet, table.top + 1, table.left, rows);
  table.rowCount = Math.max(rows.length, 1);
  office.host.operations!.length = 0;
  return { ...office, table, sheet: office.workbook.sheet(SHEET_NAME)! };
}
