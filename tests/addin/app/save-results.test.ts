import { describe, expect, it } from 'vitest';
import type { RowResult } from '#shared/api/index';
import { makeIssue } from '#shared/issues';
import { rowHash } from '#shared/sheet/row-hash';
import { buildWrites, outcomeContent, savedContent, sendPlacements, type SendOutcome } from '#addin/app/save/save-results';
import { planSave } from '#addin/app/save/save-plan';
import { col, columns, ctx, fields, savedCells, staffOf, stored, typedCells } from './fixtures';

const [a, b, c] = staffOf('kinh-te');
const planOf = (rows: (string | number | boolean | null)[][], knownIds: string[] = []) =>
  planSave({ rows, columns, ctx, knownIds, language: 'vi' });

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
    expect(content.messages).toBe(
      'Lỗi: Hồ sơ thiếu Tờ trình\nCảnh báo: Chưa ghi ngày phòng Hành chính tổ chức - Quản trị tài vụ nhận hồ sơ',
    );
    expect(content.notes).toEqual([
      { columnId: 'dossier.TO_TRINH.present', text: 'Hồ sơ thiếu Tờ trình' },
      { columnId: 'receivedDate', text: 'Chưa ghi ngày phòng Hành chính tổ chức - Quản trị tài vụ nhận hồ sơ' },
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
    const conflict = outcomeContent(
      plan.sends[0]!,
      { kind: 'answered', result: { rowKey: '0', id: 'n1', outcome: 'conflict', version: 4, issues: [], textFields: [] } },
      columns,
      'vi',
    );
    expect(conflict.mark).toBe('conflict');
    expect(conflict.messages).toMatch(/^Xung đột: dòng đã được người khác sửa trên máy chủ\./);
    expect(conflict.system).toBeUndefined();
    const refusal = makeIssue(
      'QUOTA_EXCEEDED',
      'error',
      { field: 'status' },
      {
        awardFormName: { vi: 'Bằng khen của Chủ tịch UBND tỉnh', en: "Provincial Chairman's Certificate of Merit" },
        scopeName: { vi: '', en: '' },
        used: 2,
        max: 1,
      },
    );
    const refused = outcomeContent(
      plan.sends[0]!,
      { kind: 'answered', result: { rowKey: '0', outcome: 'refused', issues: [], textFields: [], refusal } },
      columns,
      'vi',
    );
    expect(refused).toMatchObject({ mark: 'error', messages: 'Lỗi: Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1' });
    expect(refused.system).toBeUndefined();
    expect(refused.notes[0]!.columnId).toBe('status');
  });

  it('a row that did not reach the server is marked unsaved, to be retried', () => {
    const plan = planOf([typedCells(fields(a!.id))]);
    expect(outcomeContent(plan.sends[0]!, { kind: 'unsent' }, columns, 'vi')).toEqual({
      mark: 'unsaved',
      messages: 'Chưa lưu – sẽ tự thử lại',
      notes: [],
    });
    const failure = { retryable: false, localized: { vi: 'Cần đăng nhập lại', en: 'You need to sign in again' } };
    expect(outcomeContent(plan.sends[0]!, { kind: 'unsent' }, columns, 'vi', failure).messages).toBe('Chưa lưu: Cần đăng nhập lại');
  });
});

describe('the writes of a save', () => {
  const rowB = typedCells(fields(b!.id));

  it('each sent or held row is written by its index at the read and what it held then; the gateway finds where it is now', () => {
    const clean = savedCells(stored(a!.id, 'n1', 1, { status: 'draft' }));
    const bad = typedCells(fields(c!.id));
    bad[col('receivedDate')] = '31/02/2025';
    const plan = planSave({
      rows: [clean, rowB, bad],
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
    const writes = buildWrites({ sends: plan.sends, held: plan.held, outcomes, columns, language: 'vi' });
    expect(writes.map((write) => [write.rowIndex, write.expect, write.system?.id, write.values?.[col('status')], write.mark])).toEqual([
      [0, { id: 'n1', fingerprint: rowHash(clean, columns) }, 'n1', 'Đã gửi', 'ok'],
      [1, { fingerprint: rowHash(rowB, columns) }, 'n2', undefined, 'ok'],
      [2, { fingerprint: rowHash(bad, columns) }, undefined, undefined, 'problem'],
    ]);
  });

  it('where the sent rows went, by row key; rows edited meanwhile counted (still unsaved)', () => {
    const plan = planOf([typedCells(fields(a!.id)), rowB, typedCells(fields(c!.id))]);
    const { located, inexact } = sendPlacements(plan.sends, {
      placements: [{ rowIndex: 4, exact: true }, { rowIndex: 1, exact: false }, undefined],
      ids: [],
    });
    expect([...located]).toEqual([
      ['0', 4],
      ['1', 1],
      ['2', undefined],
    ]);
    expect(inexact).toBe(1);
  });
});
