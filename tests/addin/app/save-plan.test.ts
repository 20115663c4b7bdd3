import { describe, expect, it } from 'vitest';
import { checkNomination, makeRuleContext } from '#shared/rules/index';
import { DEMO_USERS } from '#shared/seed/demo-office';
import { rowHash } from '#shared/sheet/row-hash';
import { actionPatch } from '#addin/app/roles/role-actions';
import { planSave } from '#addin/app/save/save-plan';
import { col, columns, ctx, fields, savedCells, staffOf, stored, typedCells } from './fixtures';

const [a, b, c] = staffOf('tong-hop');
const plan = (rows: (string | number | boolean | null)[][], knownIds: string[] = [], extra: Partial<Parameters<typeof planSave>[0]> = {}) =>
  planSave({ rows, columns, ctx, knownIds, language: 'vi', ...extra });

describe('save planning', () => {
  it('sends new rows without id, changed rows with id and version, and skips unchanged and blank rows', () => {
    const clean = savedCells(stored(a!.id, 'n1', 3));
    const changed = savedCells(stored(b!.id, 'n2', 5));
    changed[col('achievements')] = 'Thành tích đã sửa';
    const blank = columns.map(() => null);
    const fresh = typedCells(fields(c!.id));
    const result = plan([clean, changed, blank, fresh], ['n1', 'n2']);

    expect(result.unchanged).toBe(1);
    expect(result.sends.map((send) => send.rowKey)).toEqual(['1', '3']);
    const [edit, created] = result.sends;
    expect(edit!.change).toMatchObject({ id: 'n2', version: 5, rowKey: '1', achievements: 'Thành tích đã sửa' });
    expect(created!.change.id).toBeUndefined();
    expect(created!.change.version).toBeUndefined();
    expect(created!.change).toMatchObject({ unitId: 'tong-hop', nomineeId: c!.id, awardForm: 'GIAY_KHEN_CVP', rowKey: '3' });
    expect(result.deletes).toEqual([]);
    expect(result.rowIds).toEqual(
      new Map([
        ['n1', 0],
        ['n2', 1],
      ]),
    );
  });

  it('keeps rows with cell problems back, marked "problem", naming the column', () => {
    const bad = typedCells(fields(a!.id));
    bad[col('receivedDate')] = '31/02/2025';
    const result = plan([bad]);
    expect(result.sends).toEqual([]);
    expect(result.held).toHaveLength(1);
    expect(result.held[0]!.content.mark).toBe('problem');
    expect(result.held[0]!.content.messages).toBe('Lỗi: Ngày nhận hồ sơ: "31/02/2025" không phải ngày dd/MM/yyyy');
    expect(result.held[0]!.content.notes).toEqual([{ columnId: 'receivedDate', text: '"31/02/2025" không phải ngày dd/MM/yyyy' }]);
  });

  it('does not report a clean row as a problem even if it would not parse', () => {
    const cells = savedCells(stored(a!.id, 'n1'));
    expect(plan([cells], ['n1']).held).toEqual([]);
  });

  it('turns later copies of a row (hidden columns copied too) into new rows', () => {
    const original = savedCells(stored(a!.id, 'n1', 2));
    const result = plan([original, [...original], [...original]], ['n1']);
    expect(result.unchanged).toBe(1);
    expect(result.sends.map((send) => [send.rowKey, send.change.id, send.change.version])).toEqual([
      ['1', undefined, undefined],
      ['2', undefined, undefined],
    ]);
    expect(result.presentIds).toEqual(['n1']);
  });

  it('deletes the known ids the sheet no longer holds', () => {
    const result = plan([savedCells(stored(a!.id, 'n1'))], ['n1', 'n2', 'n3']);
    expect(result.deletes).toEqual(['n2', 'n3']);
  });

  it("keeps back a unit clerk's row for another unit, with the server's message", () => {
    const clerk = DEMO_USERS.find((user) => user.unitId === 'kinh-te')!;
    const result = plan([typedCells(fields(a!.id))], [], { user: clerk });
    expect(result.sends).toEqual([]);
    expect(result.held[0]!.content).toMatchObject({ mark: 'error', messages: 'Lỗi: Bạn chỉ được xem và sửa đề nghị của đơn vị mình' });
    expect(result.held[0]!.content.notes[0]!.columnId).toBe('unit');
  });

  it('applies a role action: the patched cells are sent and flagged to be written back', () => {
    const clerk = DEMO_USERS.find((user) => user.unitId === 'tong-hop')!;
    const draft = savedCells(stored(a!.id, 'n1', 1, { status: 'draft' }));
    const other = savedCells(stored(b!.id, 'n2', 1, { status: 'submitted' }));
    const { patch, stats } = actionPatch('submit', clerk);
    const result = plan([draft, other], ['n1', 'n2'], { user: clerk, patch });
    expect(stats.matched).toBe(1);
    expect(result.sends).toHaveLength(1);
    expect(result.sends[0]!.change).toMatchObject({ id: 'n1', version: 1, status: 'submitted' });
    expect(result.sends[0]!.patched).toBe(true);
    expect(result.sends[0]!.cells[col('status')]).toBe('Đã gửi');
    expect(result.sends[0]!.fingerprint).toBe(rowHash(draft, columns));
  });

  it('HR returns only the selected rows that may move, with the reason', () => {
    const hr = DEMO_USERS.find((user) => user.role === 'hr')!;
    const submitted = savedCells(stored(a!.id, 'n1', 1, { status: 'submitted' }));
    const draft = savedCells(stored(b!.id, 'n2', 1, { status: 'draft' }));
    const { patch, stats } = actionPatch('return', hr, { selected: [0, 1], reason: 'Thiếu biên bản' });
    const result = plan([submitted, draft], ['n1', 'n2'], { user: hr, patch });
    expect(stats).toEqual({ matched: 1, skipped: 1, blocked: [] });
    expect(result.sends.map((send) => send.change)).toEqual([
      expect.objectContaining({ id: 'n1', status: 'returned', returnReason: 'Thiếu biên bản' }),
    ]);
  });

  it('says what is missing instead of sending a submission or an eligibility the server would refuse', () => {
    const clerk = DEMO_USERS.find((user) => user.unitId === 'tong-hop')!;
    const complete = savedCells(stored(a!.id, 'n1', 1, { status: 'draft' }));
    const incomplete = savedCells(stored(b!.id, 'n2', 1, { status: 'draft', achievements: '' }));
    const rules = makeRuleContext(ctx.campaign, ctx.units, ctx.people);
    const findings = (f: Parameters<typeof checkNomination>[1]) => checkNomination(rules, f, {});
    const { patch, stats } = actionPatch('submit', clerk, { findings, campaign: ctx.campaign });
    const result = plan([complete, incomplete], ['n1', 'n2'], { user: clerk, patch });
    expect(result.sends.map((send) => send.change.id)).toEqual(['n1']);
    expect(stats.blocked.map((b) => [b.rowIndex, b.refusal.code])).toEqual([[1, 'SUBMISSION_INCOMPLETE']]);
    expect(stats.blocked[0]!.refusal.message.vi).toContain('thành tích');
    // A campaign that takes incomplete dossiers: sent, the server records its findings.
    const lenient = actionPatch('submit', clerk, { findings, campaign: { allowIncompleteSubmission: true } });
    plan([complete, incomplete], ['n1', 'n2'], { user: clerk, patch: lenient.patch });
    expect(lenient.stats).toMatchObject({ matched: 2, blocked: [] });
  });
});
