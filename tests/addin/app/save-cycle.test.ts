import { describe, expect, it } from 'vitest';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer } from '#tests/support/pane-api';
import { byId, fields, staffOf, typedCells } from './fixtures';
import { openPane } from './harness';

/**
 * After a save the pane asks for nothing more: the save's answer brings the saved rows' findings, the
 * quota usage and the other rows whose findings it changed; the full report is for "Kiểm tra lại".
 */
const kt = staffOf('kinh-te');
const th = staffOf('tong-hop');

// The real API over DynamoDB Local; each test empties and seeds the file's table again.
const api = useTestApi();
const id = { a: '', b: '' };

async function seeded() {
  const server = await freshPaneServer(api);
  id.a = (await server.put(fields(kt[0]!.id))).id;
  id.b = (await server.put(fields(kt[1]!.id))).id;
  return server;
}

const itemsOf = (groups: { code: string; items: { nominationId?: string; message: { vi: string } }[] }[], code: string) =>
  groups.find((group) => group.code === code)?.items ?? [];

describe('the save cycle', () => {
  it('makes no validation request after a save, and shows the findings and quotas of its answer', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    // Two candidates of the Giấy khen for one place: the form's finding, in the quota panel once, on no row.
    expect(itemsOf(pane.state().issues, 'QUOTA_MORE_CANDIDATES')).toEqual([]);
    expect(pane.state().quota.find((row) => row.awardForm === 'GIAY_KHEN_CVP')).toMatchObject({ candidates: 2, crowded: true });
    const before = pane.server.log.length;

    // A dossier received late: a warning (a submission with an error would be refused).
    pane.gateway.typeRow(byId(typedCells(fields(th[1]!.id, { receivedDate: '2025-10-01' }))));
    await pane.actions.save();
    await pane.controller.idle();

    const after = pane.server.log.slice(before);
    expect(after.map((entry) => `${entry.method} ${entry.path.split('/').at(-1)}`)).toEqual(['POST batch']);
    const saved = (await pane.server.live()).find((n) => n.nomineeId === th[1]!.id)!;
    expect(itemsOf(pane.state().issues, 'LATE_SUBMISSION').map((item) => item.nominationId)).toEqual([saved.id]);
    // The quota panel follows the answer's usage: now 3 for 1; still no row carries it.
    expect(itemsOf(pane.state().issues, 'QUOTA_MORE_CANDIDATES')).toEqual([]);
    expect(pane.state().quota.find((row) => row.awardForm === 'GIAY_KHEN_CVP')).toMatchObject({ candidates: 3, max: 1, crowded: true });

    // "Kiểm tra lại" still asks for the whole report.
    await pane.actions.refreshReport();
    expect(pane.server.log.at(-1)!.path).toMatch(/\/validation$/);
  });

  it('writes the findings of the other rows the save changed with its own results, in the same write', async () => {
    const server = await seeded();
    const pane = await openPane({ server });
    await pane.actions.openSheet();
    const { gateway } = pane;
    const other = gateway.findRow('id', id.a);
    expect(gateway.marks[other]).toBe('ok');
    // The real server finds the related row by rule 8: the new row nominates n-a's nominee again.
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
    // The real server sends n-a's whole findings: the duplicate (more candidates than places is on no row).
    expect(gateway.notes[other]).toEqual([{ columnId: expect.any(String), text: expect.stringContaining('được đề nghị 2 lần') }]);
    const saved = (await server.live()).find((n) => n.nomineeId === kt[0]!.id && n.id !== id.a)!;
    expect(
      itemsOf(pane.state().issues, 'DUPLICATE_NOMINEE')
        .map((item) => item.nominationId)
        .sort(),
    ).toEqual([id.a, saved.id].sort());
    // n-a's former findings were replaced by what the server sent (the duplicate once, not twice).
    expect(itemsOf(pane.state().issues, 'DUPLICATE_NOMINEE').filter((item) => item.nominationId === id.a)).toHaveLength(1);
  });
});
