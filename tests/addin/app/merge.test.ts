import { describe, expect, it } from 'vitest';
import { makeIssue } from '#shared/issues';
import { rowHash } from '#shared/sheet/row-hash';
import { buildColumns } from '#shared/sheet/columns';
import { mergeLoad } from '#addin/app/load/merge';
import { col, columns, ctx, fields, savedCells, staffOf, stored, typedCells } from './fixtures';

const merge = (
  rows: (string | number | boolean | null)[][],
  nominations: ReturnType<typeof stored>[],
  issues = [] as ReturnType<typeof makeIssue>[],
) => mergeLoad({ rows, columns, ctx, nominations, issues, language: 'vi' });
const text = (write: { values?: unknown[] }, id: string) => write.values?.[col(id)];

describe('load merge', () => {
  it('a fresh load: every row from the server, by unit then Vietnamese name order, with its fingerprint', () => {
    const people = [...staffOf('tong-hop'), ...staffOf('kinh-te')];
    const nominations = people.map((who, i) => stored(who.id, `n${i}`, 1));
    const result = merge([], [...nominations].reverse());
    expect(result.writes).toHaveLength(nominations.length);
    const units = result.writes.map((write) => text(write, 'unit'));
    expect(units.indexOf('Phòng Tổng hợp')).toBeGreaterThan(units.lastIndexOf('Phòng Kinh tế'));
    const names = result.writes.filter((write) => text(write, 'unit') === 'Phòng Kinh tế').map((write) => String(text(write, 'nominee')));
    const given = names.map((name) => name.split(' ').at(-1)!);
    expect(given).toEqual([...given].sort((x, y) => x.localeCompare(y, 'vi')));
    for (const write of result.writes) {
      expect(write.system!.rowHash).toBe(rowHash(write.values!, columns));
      expect(write.mark).toBe('ok');
    }
    expect(result.knownIds.sort()).toEqual(nominations.map((n) => n.id).sort());
    expect(result.rowIds.get(String(text(result.writes[0]!, 'id')))).toBe(0);
  });

  it('orders Đặng after Dương, as Vietnamese does', () => {
    const base = stored(staffOf('tong-hop')[0]!.id, 'x', 1);
    const named = (id: string, nomineeId: string) => ({ ...base, id, nomineeKind: 'individual' as const, nomineeId });
    const wider = {
      ...ctx,
      people: [
        ...ctx.people,
        { id: 'p-dang', fullName: 'Trần Đặng', unitId: 'tong-hop', underDiscipline: false },
        { id: 'p-duong', fullName: 'Trần Dương', unitId: 'tong-hop', underDiscipline: false },
      ],
    };
    const result = mergeLoad({
      rows: [],
      columns: buildColumns(wider),
      ctx: wider,
      nominations: [named('a', 'p-dang'), named('b', 'p-duong')],
      issues: [],
      language: 'vi',
    });
    expect(result.writes.map((write) => text(write, 'nominee'))).toEqual(['Trần Dương', 'Trần Đặng']);
  });

  it('keeps unsaved edits as typed, marks a newer server version as a conflict, and keeps new rows at the bottom', () => {
    const [a, b, c, d] = staffOf('kinh-te');
    const editedSame = savedCells(stored(a!.id, 'n1', 2));
    editedSame[col('achievements')] = 'Sửa chưa lưu';
    const editedStale = savedCells(stored(b!.id, 'n2', 1));
    editedStale[col('note')] = 'Ghi chú của tôi';
    const cleanGone = savedCells(stored(c!.id, 'n3', 1));
    const fresh = typedCells(fields(d!.id));
    const server = [stored(a!.id, 'n1', 2), stored(b!.id, 'n2', 3, { note: 'Ghi chú của người khác' }), stored(d!.id, 'n4', 1)];

    const result = merge([fresh, editedSame, cleanGone, editedStale], server);
    expect(result.writes).toHaveLength(4);
    expect(result.writes.at(-1)!.values).toEqual(expect.arrayContaining([text({ values: fresh }, 'nominee')]));
    expect(result.writes.at(-1)!.mark).toBe('unsaved');
    const byId = new Map(result.writes.map((write) => [String(text(write, 'id')), write]));
    expect(text(byId.get('n1')!, 'achievements')).toBe('Sửa chưa lưu');
    expect(byId.get('n1')!.mark).toBe('unsaved');
    expect(byId.get('n1')!.system).toBeUndefined();
    expect(text(byId.get('n2')!, 'note')).toBe('Ghi chú của tôi');
    expect(byId.get('n2')!.mark).toBe('conflict');
    expect(byId.has('n3')).toBe(false);
    expect(byId.get('n4')!.mark).toBe('ok');
    expect(result.dropped).toBe(1);
    expect(result.unsaved).toBe(3);
    expect(result.conflicts).toEqual([expect.objectContaining({ id: 'n2', theirsVersion: 3 })]);
    expect(result.knownIds.sort()).toEqual(['n1', 'n2', 'n4']);
  });

  it('shows the validation findings on the rows', () => {
    const [a] = staffOf('kinh-te');
    const issue = makeIssue('ACHIEVEMENTS_MISSING', 'warning', { nominationId: 'n1', field: 'achievements' });
    const [write] = merge([], [stored(a!.id, 'n1', 1)], [issue]).writes;
    expect(write).toMatchObject({ mark: 'warning', messages: 'Cảnh báo: Chưa tóm tắt thành tích' });
    expect(write!.notes).toEqual([{ columnId: 'achievements', text: 'Chưa tóm tắt thành tích' }]);
    expect(text(write!, 'messages')).toBe('Cảnh báo: Chưa tóm tắt thành tích');
  });

  it('a copied row (hidden columns too) stays as a new row, its borrowed id cleared', () => {
    const [a] = staffOf('kinh-te');
    const cells = savedCells(stored(a!.id, 'n1', 1));
    cells[col('note')] = 'sửa';
    const result = merge([cells, [...cells]], [stored(a!.id, 'n1', 1)]);
    expect(result.writes.map((write) => text(write, 'id'))).toEqual(['n1', '']);
  });
});
