import { describe, expect, it } from 'vitest';
import type { RowResult } from '../../../shared/api-types';
import { makeIssue } from '../../../shared/issues';
import { rowHash } from '../../../shared/sheet/row-hash';
import { locateRows } from '../../../addin/src/app/relocate';
import { bookkeepingClears, buildWrites, outcomeContent, savedContent, type SendOutcome } from '../../../addin/src/app/save-results';
import { planSave } from '../../../addin/src/app/save-plan';
import { col, columns, ctx, fields, savedCells, staffOf, stored, typedCells } from './fixtures';

const [a, b, c] = staffOf('kinh-te');
const planOf = (rows: (string | number | boolean | null)[][], knownIds: string[] = []) => planSave({ rows, columns, ctx, knownIds, language: 'vi' });

const saved = (rowKey: string, id: string, version: number, extra: Partial<RowResult> = {}): RowResult => ({
  rowKey,
  id,
  outcome: 'saved',
  version,
  status: 'submitted',
  issues: [],
  textFields: [],
  ...extra,
});

describe('result mapping', () => {
  it('a saved row gets its id, version and the fingerprint of its cells with them; clean rows are "ok"', () => {
    const plan = planOf([typedCells(fields(a!.id))]);
    const content = savedContent(plan.sends[0]!, saved('0', 'n9', 1), columns, 'vi');
    const expected = [...plan.sends[0]!.cells];
    expected[col('id')] = 'n9';
    expected[col('version')] = 1;
    expect(content.system).toEqual({ id: 'n9', version: 1, rowHash: rowHash(expected, columns) });
    expect(content).toMatchObject({ mark: 'ok', messages: '', notes: [] });
    expect(content.values).toBeUndefined();
  });

  it('findings become prefixed lines (errors first), the worst severity, and notes naming the rule on their cells', () => {
    const plan = planOf([typedCells(fields(a!.id))]);
    const issues = [
      makeIssue('RECEIVED_DATE_MISSING', 'warning', { field: 'receivedDate' }),
      makeIssue('DOSSIER_INCOMPLETE', 'error', { field: 'dossier.TO_TRINH' }, { document: { vi: 'Tờ trình', en: 'proposal' } }),
    ];
    const content = savedContent(plan.sends[0]!, saved('0', 'n9', 1, { issues }), columns, 'vi');
    expect(content.mark).toBe('error');
    expect(content.messages).toBe('Lỗi: Hồ sơ thiếu Tờ trình\nCảnh báo: Chưa ghi ngày phòng Hành chính tổ chức - Quản trị tài vụ nhận hồ sơ');
    expect(content.notes).toEqual([
      { columnId: 'dossier.TO_TRINH.present', text: 'DOSSIER_INCOMPLETE: Hồ sơ thiếu Tờ trình' },
      { columnId: 'receivedDate', text: 'RECEIVED_DATE_MISSING: Chưa ghi ngày phòng Hành chính tổ chức - Quản trị tài vụ nhận hồ sơ' },
    ]);
    const english = savedContent(plan.sends[0]!, saved('0', 'n9', 1, { issues: issues.slice(0, 1) }), columns, 'en');
    expect(english).toMatchObject({ mark: 'warning', messages: 'Warning: The date the HR office received the dossier is missing' });
  });

  it('the received date the server stamped is written into the row', () => {
    const plan = planOf([typedCells(fields(a!.id, { receivedDate: undefined }))]);
    const content = savedContent(plan.sends[0]!, saved('0', 'n9', 1, { receivedDate: '2025-09-26' }), columns, 'vi');
    expect(content.values?.[col('receivedDate')]).toBe(45926);
    expect(content.system!.rowHash).toBe(rowHash(content.values!, columns));
  });

  it('a conflict is marked, and says so; a refused row stays unsaved with the quota message', () => {
    const plan = planOf([typedCells(fields(a!.id))]);
    const conflict = outcomeContent(plan.sends[0]!, { kind: 'answered', result: { rowKey: '0', id: 'n1', outcome: 'conflict', version: 4, issues: [], textFields: [] } }, columns, 'vi');
    expect(conflict.mark).toBe('conflict');
    expect(conflict.messages).toMatch(/^Xung đột: dòng đã được người khác sửa \(phiên bản 4/);
    expect(conflict.system).toBeUndefined();
    const refusal = makeIssue('QUOTA_EXCEEDED', 'error', { field: 'status' }, {
      awardFormName: { vi: 'Bằng khen của Chủ tịch UBND tỉnh', en: "Provincial Chairman's Certificate of Merit" },
      scopeName: { vi: '', en: '' },
      used: 2,
      max: 1,
    });
    const refused = outcomeContent(plan.sends[0]!, { kind: 'answered', result: { rowKey: '0', outcome: 'refused', issues: [], textFields: [], refusal } }, columns, 'vi');
    expect(refused).toMatchObject({ mark: 'error', messages: 'Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1' });
    expect(refused.system).toBeUndefined();
    expect(refused.notes[0]!.columnId).toBe('status');
  });

  it('a row that did not reach the server is marked unsaved, to be retried', () => {
    const plan = planOf([typedCells(fields(a!.id))]);
    expect(outcomeContent(plan.sends[0]!, { kind: 'unsent' }, columns, 'vi')).toEqual({ mark: 'unsaved', messages: 'Chưa lưu – sẽ tự thử lại', notes: [] });
    const failure = { retryable: false, localized: { vi: 'Cần đăng nhập lại', en: 'You need to sign in again' } };
    expect(outcomeContent(plan.sends[0]!, { kind: 'unsent' }, columns, 'vi', failure).messages).toBe('Chưa lưu: Cần đăng nhập lại');
  });
});

describe('locating rows after the save', () => {
  const rowA = typedCells(fields(a!.id));
  const rowB = typedCells(fields(b!.id));
  const rowC = typedCells(fields(c!.id));
  const blank = columns.map(() => null);

  it('finds rows at their place, or moved (rows inserted above, sorted)', () => {
    const plan = planOf([rowA, rowB, rowC]);
    expect(locateRows(plan.sends, [rowA, rowB, rowC], columns, 3)).toEqual([0, 1, 2].map((index) => ({ index, exact: true })));
    expect(locateRows(plan.sends, [blank, rowA, blank, rowB, rowC], columns, 3).map((found) => found?.index)).toEqual([1, 3, 4]);
    expect(locateRows(plan.sends, [rowC, rowB, rowA], columns, 3).map((found) => found?.index)).toEqual([2, 1, 0]);
  });

  it('a row edited meanwhile, nothing moved: the same row, but not exact (its values are not overwritten)', () => {
    const plan = planOf([rowA, rowB]);
    const edited = [...rowB];
    edited[col('achievements')] = 'Sửa trong lúc lưu';
    expect(locateRows(plan.sends, [rowA, edited], columns, 2)).toEqual([
      { index: 0, exact: true },
      { index: 1, exact: false },
    ]);
  });

  it('a row edited and moved is not found, and is not written', () => {
    const plan = planOf([rowA, rowB]);
    const edited = [...rowB];
    edited[col('achievements')] = 'Sửa trong lúc lưu';
    expect(locateRows(plan.sends, [blank, rowA, edited], columns, 2)).toEqual([{ index: 1, exact: true }, undefined]);
  });

  it('identical copies each find one row', () => {
    const plan = planOf([rowA, [...rowA]]);
    const found = locateRows(plan.sends, [blank, [...rowA], [...rowA]], columns, 2).map((where) => where?.index);
    expect([...found].sort()).toEqual([1, 2]);
  });

  it('buildWrites writes each outcome where its row now is, and drops values where the row changed', () => {
    const clean = savedCells(stored(a!.id, 'n1', 1, { status: 'draft' }));
    const plan = planSave({
      rows: [clean, rowB],
      columns,
      ctx,
      knownIds: ['n1'],
      language: 'vi',
      patch: ({ rowIndex }) => (rowIndex === 0 ? { cells: { status: 'Đã gửi' } } : undefined),
    });
    const outcomes = new Map<string, SendOutcome>([
      ['0', { kind: 'answered', result: saved('0', 'n1', 2) }],
      ['1', { kind: 'answered', result: saved('1', 'n2', 1) }],
    ]);
    const { writes, inexact } = buildWrites({ sends: plan.sends, held: plan.held, outcomes, reread: [blank, clean, rowB], rowCountBefore: 2, columns, language: 'vi' });
    expect(inexact).toBe(0);
    expect(writes.map((write) => [write.rowIndex, write.system?.id, write.values?.[col('status')]])).toEqual([
      [1, 'n1', 'Đã gửi'],
      [2, 'n2', undefined],
    ]);
  });
});

describe('rows whose id changes', () => {
  it('a copied row saved as new first has its borrowed id cleared (the gateway refuses an id over another)', () => {
    const original = savedCells(stored(a!.id, 'n1', 2));
    const copy = [...original];
    const writes = [
      { rowIndex: 0, system: { id: 'n1', version: 2, rowHash: 'h' }, messages: '', mark: 'ok' as const, notes: [] },
      { rowIndex: 1, system: { id: 'n7', version: 1, rowHash: 'h' }, messages: 'Cảnh báo: x', mark: 'warning' as const, notes: [] },
    ];
    const clears = bookkeepingClears(writes, [original, copy], columns);
    expect(clears).toHaveLength(1);
    expect(clears[0]).toMatchObject({ rowIndex: 1, mark: 'unsaved', messages: 'Cảnh báo: x' });
    expect([clears[0]!.values![col('id')], clears[0]!.values![col('version')], clears[0]!.values![col('rowHash')]]).toEqual(['', '', '']);
    expect(clears[0]!.values![col('nominee')]).toBe(original[col('nominee')]);
  });
});
