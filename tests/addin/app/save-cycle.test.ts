import { describe, expect, it } from 'vitest';
import { makeIssue } from '#shared/issues';
import { FakeServer } from './fake-server';
import { byId, fields, staffOf, typedCells } from './fixtures';
import { openPane } from './harness';

/**
 * After a save the pane asks for nothing more: the save's answer brings the saved rows' findings, the
 * quota usage and the other rows whose findings it changed; the full report is for "Kiểm tra lại".
 */
const kt = staffOf('kinh-te');
const th = staffOf('tong-hop');

function seeded() {
  const server = new FakeServer();
  server.put({ ...fields(kt[0]!.id), id: 'n-a' });
  server.put({ ...fields(kt[1]!.id), id: 'n-b' });
  return server;
}

const itemsOf = (groups: { code: string; items: { nominationId?: string; message: { vi: string } }[] }[], code: string) =>
  groups.find((group) => group.code === code)?.items ?? [];

describe('the save cycle', () => {
  it('makes no validation request after a save, and shows the findings and quotas of its answer', async () => {
    const pane = await openPane({ server: seeded() });
    await pane.actions.openSheet();
    // Two candidates of the Giấy khen for one place: each row warned, 2 for 1.
    expect(itemsOf(pane.state().issues, 'QUOTA_MORE_CANDIDATES').map((item) => item.message.vi)).toEqual([
      expect.stringContaining(': 2 đề nghị cho 1 suất'),
      expect.stringContaining(': 2 đề nghị cho 1 suất'),
    ]);
    const before = pane.server.log.length;

    pane.gateway.typeRow(byId(typedCells(fields(th[1]!.id, { achievements: '' }))));
    await pane.actions.save();
    await pane.controller.idle();

    const after = pane.server.log.slice(before);
    expect(after.map((entry) => `${entry.method} ${entry.path.split('/').at(-1)}`)).toEqual(['POST batch']);
    const saved = pane.server.live().find((n) => n.nomineeId === th[1]!.id)!;
    expect(itemsOf(pane.state().issues, 'ACHIEVEMENTS_MISSING').map((item) => item.nominationId)).toEqual([saved.id]);
    // The other rows' quota findings follow the answer's usage: now 3 for 1, on all three rows.
    const crowded = itemsOf(pane.state().issues, 'QUOTA_MORE_CANDIDATES');
    expect(crowded.map((item) => item.nominationId).sort()).toEqual(['n-a', 'n-b', saved.id].sort());
    for (const item of crowded) expect(item.message.vi).toContain(': 3 đề nghị cho 1 suất');
    expect(pane.state().quota.find((row) => row.awardForm === 'GIAY_KHEN_CVP')).toMatchObject({ candidates: 3, max: 1 });

    // "Kiểm tra lại" still asks for the whole report.
    await pane.actions.refreshReport();
    expect(pane.server.log.at(-1)!.path).toMatch(/\/validation$/);
  });

  it('writes the findings of the other rows the save changed with its own results, in the same write', async () => {
    const server = seeded();
    const pane = await openPane({ server });
    await pane.actions.openSheet();
    const { gateway } = pane;
    const other = gateway.findRow('id', 'n-a');
    expect(gateway.marks[other]).toBe('warning');
    server.relatedFor = () => [
      {
        id: 'n-a',
        version: 1,
        status: 'submitted',
        issues: [
          makeIssue('DUPLICATE_NOMINEE', 'error', { nominationId: 'n-a', field: 'nomineeId' }, { nomineeName: kt[0]!.fullName, count: 2 }),
        ],
      },
    ];
    gateway.writeSyncs = 2;
    const writesBefore = gateway.calls.filter((call) => call === 'writeResults').length;
    gateway.typeRow(byId(typedCells(fields(kt[0]!.id, { awardForm: 'BANG_KHEN_CT_UBND' }))));
    await pane.actions.save();
    await pane.controller.idle();

    expect(gateway.calls.filter((call) => call === 'writeResults').length - writesBefore).toBe(1);
    expect(pane.state().lastSaveSyncs).toBe(3);
    expect(gateway.marks[other]).toBe('error');
    expect(gateway.cell(other, 'messages')).toBe(
      `Lỗi: ${kt[0]!.fullName} được đề nghị 2 lần trong Đợt thi đua (một thành tích chỉ khen một lần)`,
    );
    expect(gateway.notes[other]).toEqual([{ columnId: expect.any(String), text: expect.stringContaining('DUPLICATE_NOMINEE') }]);
    const saved = server.live().find((n) => n.nomineeId === kt[0]!.id && n.id !== 'n-a')!;
    expect(
      itemsOf(pane.state().issues, 'DUPLICATE_NOMINEE')
        .map((item) => item.nominationId)
        .sort(),
    ).toEqual(['n-a', saved.id].sort());
    // n-a's former findings (the quota warning) were replaced by what the server sent.
    expect(itemsOf(pane.state().issues, 'QUOTA_MORE_CANDIDATES').map((item) => item.nominationId)).not.toContain('n-a');
  });
});
