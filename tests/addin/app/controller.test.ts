import { describe, expect, it } from 'vitest';
import { rowHash } from '#shared/sheet/row-hash';
import { decodeKnownIds } from '#addin/app/core/known-ids';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer } from '#tests/support/pane-api';
import { QUOTA_RULES_COUNTING_ELIGIBLE } from '#tests/support/rows';
import { FakeGateway } from './fake-gateway';
import { byId, col, columns, fields, staffOf, typedCells } from './fixtures';
import { MemoryStorage, openPane } from './harness';

const kt = staffOf('kinh-te');
const th = staffOf('tong-hop');

// The real API over DynamoDB Local; each test empties and seeds the file's table again (freshPaneServer).
const api = useTestApi();
/** The ids the API gave the seeded nominations a, b and c (of the latest seeded()). */
const id = { a: '', b: '', c: '' };
/** An id the API makes for a new nomination. */
const NEW_ID = /^n[0-9a-z]+$/;

async function seeded() {
  const server = await freshPaneServer(api);
  // The office lets units send a dossier still in error (c lacks its achievements): the sheet opens with one.
  await server.updateCampaign({ allowIncompleteSubmission: true });
  id.a = (await server.put(fields(kt[0]!.id))).id;
  id.b = (await server.put(fields(kt[1]!.id))).id;
  id.c = (await server.put(fields(th[0]!.id, { achievements: '' }))).id;
  return server;
}

describe('pane controller', () => {
  it('signs in, picks the seed campaign, and opens the sheet sorted by unit and name, with findings and quotas', async () => {
    const pane = await openPane({ server: await seeded() });
    expect(pane.state()).toMatchObject({
      auth: { status: 'signed-in' },
      user: { role: 'hr' },
      campaignId: pane.server.campaignId,
      actions: ['return', 'eligible'],
    });
    expect(pane.state().sheet).toBe('none');
    await pane.actions.openSheet();
    const { gateway } = pane;
    expect(gateway.rows.map((row) => row[col('id')])).toEqual(
      [id.a, id.b, id.c].sort((x, y) => gateway.findRow('id', x) - gateway.findRow('id', y)),
    );
    expect(gateway.rows.map((row) => row[col('unit')])).toEqual(['Phòng Kinh tế', 'Phòng Kinh tế', 'Phòng Tổng hợp']);
    for (const row of gateway.rows) expect(row[col('rowHash')]).toBe(rowHash(row, columns));
    expect(gateway.marks[gateway.findRow('id', id.c)]).toBe('error');
    expect(gateway.cell(gateway.findRow('id', id.c), 'messages')).toContain('Lỗi: Chưa tóm tắt thành tích');
    expect(decodeKnownIds(gateway.knownIds)).toEqual({
      campaignId: pane.server.campaignId,
      ids: expect.arrayContaining([id.a, id.b, id.c]),
    });
    expect(pane.state()).toMatchObject({ sheet: 'ready', unsavedRows: 0, notice: { vi: 'Đã tải 3 đề nghị.' } });
    expect(pane.state().quota.map((row) => [row.awardForm, row.candidates])).toEqual([
      ['BANG_KHEN_CT_UBND', 0],
      ['GIAY_KHEN_CVP', 3],
    ]);
    expect(pane.state().issues.map((group) => group.code)).toContain('ACHIEVEMENTS_MISSING');
    expect(gateway.listening).toBe(1);
  });

  it('saves a typed row: id, version and fingerprint written back, messages shown, within 4 syncs', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const { gateway } = pane;
    gateway.writeSyncs = 2;
    gateway.typeRow(byId(typedCells(fields(th[1]!.id, { status: 'draft', achievements: '' }))));
    await pane.actions.save();
    const index = gateway.rows.length - 1;
    const row = gateway.rows[index]!;
    expect(row[col('id')]).toMatch(NEW_ID);
    expect(row[col('version')]).toBe(1);
    expect(row[col('rowHash')]).toBe(rowHash(row, columns));
    expect(gateway.marks[index]).toBe('warning');
    expect(row[col('messages')]).toBe('Cảnh báo: Chưa tóm tắt thành tích');
    expect(gateway.notes[index]).toEqual([{ columnId: 'achievements', text: 'Chưa tóm tắt thành tích' }]);
    expect(decodeKnownIds(gateway.knownIds).ids).toContain(row[col('id')]);
    expect(pane.state().lastSave).toMatchObject({ saved: 1, conflicts: 0, refused: 0, warnings: 1 });
    // readRows (1) + writeResults (2: it finds the rows and writes them, the new known ids with them).
    expect(pane.state().lastSaveSyncs).toBe(3);

    gateway.edit(index, 'achievements', 'Hoàn thành xuất sắc nhiệm vụ');
    await pane.actions.save();
    expect(pane.state().lastSaveSyncs).toBeLessThanOrEqual(4);
    expect(gateway.marks[index]).toBe('ok');
    expect((await pane.server.nomination(String(row[col('id')])))!.version).toBe(2);
    expect(pane.state().unsavedRows).toBe(0);
  });

  it('a save is one readRows and one writeResults, and no other round trip to Excel', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const { gateway, server } = pane;
    gateway.typeRow(byId(typedCells(fields(th[1]!.id, { status: 'draft' })))); // a new row: a new known id
    gateway.edit(gateway.findRow('id', id.a), 'note', 'sửa');
    gateway.deleteRow(gateway.findRow('id', id.b)); // a deleted row: a known id less
    const cells = typedCells(fields(th[2]!.id));
    cells[col('status')] = 'Gì đó';
    gateway.typeRow(byId(cells)); // a row kept back with its problem
    const calls = gateway.calls.length;
    const syncs = gateway.syncCount;
    await pane.actions.save();
    expect(gateway.calls.slice(calls)).toEqual(['readRows', 'writeResults']);
    expect(gateway.syncCount - syncs).toBe(2);
    expect(pane.state().lastSave).toMatchObject({ saved: 2, deleted: 1 });
    expect((await server.nomination(id.b))!.deletedAt).toBeDefined();
    expect(decodeKnownIds(gateway.knownIds).ids).toHaveLength(3);
    expect(decodeKnownIds(gateway.knownIds).ids).not.toContain(id.b);
    expect(pane.state().error).toBeUndefined();
  });

  it('saves nothing when nothing changed (one read)', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const batches = pane.server.batches().length;
    await pane.actions.save();
    expect(pane.server.batches()).toHaveLength(batches);
    expect(pane.state().lastSaveSyncs).toBe(1);
    // The load's "Đã tải 3 đề nghị." gives way to what this save did: nothing, and the row still in error.
    expect(pane.state().notice!.vi).toBe('Không có thay đổi cần lưu. Còn 1 dòng có lỗi cần sửa.');
  });

  it('rows with cell problems are not sent; they are marked and stay unsaved', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const cells = typedCells(fields(th[1]!.id));
    cells[col('status')] = 'Gì đó';
    const index = pane.gateway.typeRow(byId(cells));
    await pane.actions.save();
    expect(pane.gateway.marks[index]).toBe('problem');
    expect(pane.gateway.cell(index, 'messages')).toBe('Lỗi: Trạng thái: Trạng thái "Gì đó" không hợp lệ');
    expect(pane.gateway.cell(index, 'id')).toBeFalsy();
    expect(pane.state().unsavedRows).toBe(1);
  });

  it('writes the results onto the right rows when the user inserts and sorts rows during the save', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const { gateway, server } = pane;
    gateway.typeRow(byId(typedCells(fields(th[1]!.id, { status: 'draft' }))));
    gateway.edit(gateway.findRow('id', id.a), 'note', 'Sửa của tôi');
    server.onBatch = () => {
      gateway.insertBlankRow(0);
      gateway.reverseRows();
    };
    await pane.actions.save();
    const fresh = gateway.rows.findIndex((row) => row[col('nominee')] === th[1]!.fullName);
    expect(gateway.cell(fresh, 'id')).toMatch(NEW_ID);
    expect(gateway.rows[fresh]![col('rowHash')]).toBe(rowHash(gateway.rows[fresh]!, columns));
    const edited = gateway.findRow('id', id.a);
    expect(gateway.cell(edited, 'note')).toBe('Sửa của tôi');
    expect(gateway.cell(edited, 'version')).toBe(2);
    expect(gateway.rows[edited]![col('rowHash')]).toBe(rowHash(gateway.rows[edited]!, columns));
    const blank = gateway.rows.findIndex((row) => row.every((value) => value === null));
    expect(blank).toBeGreaterThanOrEqual(0);
    expect(gateway.marks[blank]).toBeUndefined();
  });

  it('a row edited while its save was in flight keeps the edit and stays unsaved, but gets its id', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const { gateway, server } = pane;
    const index = gateway.typeRow(byId(typedCells(fields(th[1]!.id, { status: 'draft' }))));
    server.onBatch = () => gateway.edit(index, 'note', 'gõ thêm');
    await pane.actions.save();
    server.onBatch = undefined;
    expect(gateway.cell(index, 'note')).toBe('gõ thêm');
    const id = gateway.cell(index, 'id');
    expect(id).toMatch(NEW_ID);
    expect(gateway.rows[index]![col('rowHash')]).not.toBe(rowHash(gateway.rows[index]!, columns));
    await pane.actions.save();
    expect(server.batches().at(-1)!.rows).toEqual([expect.objectContaining({ id, version: 1, note: 'gõ thêm' })]);
    expect(await server.live()).toHaveLength(4);
  });

  it('deletes the rows the user deleted', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    pane.gateway.deleteRow(pane.gateway.findRow('id', id.b));
    await pane.actions.save();
    expect(pane.server.log.filter((entry) => entry.method === 'DELETE').map((entry) => entry.path)).toEqual([
      `/campaigns/${pane.server.campaignId}/nominations/${id.b}`,
    ]);
    expect((await pane.server.nomination(id.b))!.deletedAt).toBeDefined();
    expect(decodeKnownIds(pane.gateway.knownIds).ids.sort()).toEqual([id.a, id.c].sort());
    expect(pane.state().lastSave!.deleted).toBe(1);
  });

  it('a copied row (hidden columns too) is saved as a new nomination', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const copy = pane.gateway.copyRow(pane.gateway.findRow('id', id.a));
    await pane.actions.save();
    expect(pane.server.batches().at(-1)!.rows).toEqual([expect.not.objectContaining({ id: expect.anything() })]);
    expect(pane.gateway.cell(copy, 'id')).not.toBe(id.a);
    expect(await pane.server.live()).toHaveLength(4);
  });

  it('when the network drops, rows stay marked unsaved, a retry is scheduled, and it saves them later', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const { gateway, server, clock } = pane;
    const index = gateway.typeRow(byId(typedCells(fields(th[1]!.id, { status: 'draft' }))));
    server.batchFailures = ['network', 'network'];
    await pane.actions.save();
    expect(gateway.marks[index]).toBe('unsaved');
    expect(gateway.cell(index, 'messages')).toBe('Chưa lưu – sẽ tự thử lại');
    expect(gateway.cell(index, 'id')).toBeFalsy();
    expect(pane.state().error!.vi).toMatch(/^Mất kết nối mạng/);
    expect(pane.state().retry).toEqual({ attempt: 1, delayMs: 5000 });
    expect(pane.state().unsavedRows).toBe(1);

    clock.advance(5000);
    await pane.controller.idle();
    expect(gateway.cell(index, 'id')).toMatch(NEW_ID);
    expect(gateway.marks[index]).toBe('ok');
    expect(pane.state().retry).toBeUndefined();
    expect(await server.live()).toHaveLength(4);
  });

  it('an answer lost in the network does not create the row twice', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    pane.gateway.typeRow(byId(typedCells(fields(th[1]!.id, { status: 'draft' }))));
    pane.server.batchFailures = ['lost', 'lost'];
    await pane.actions.save();
    expect(await pane.server.live()).toHaveLength(4);
    pane.clock.advance(5000);
    await pane.controller.idle();
    expect(await pane.server.live()).toHaveLength(4);
    expect(new Set(pane.server.batches().map((entry) => entry.key)).size).toBe(1);
  });

  it('reopening the pane finds the unsaved rows (the fingerprint says so) and saves them', async () => {
    const server = await seeded();
    const storage = new MemoryStorage();
    const first = await openPane({ server, storage });
    await first.actions.openSheet();
    const { gateway } = first;
    first.actions.setAutosave(false);
    gateway.edit(gateway.findRow('id', id.a), 'note', 'chưa lưu');
    gateway.typeRow(byId(typedCells(fields(th[1]!.id, { status: 'draft' }))));
    await first.controller.dispose();

    const second = await openPane({
      server,
      gateway,
      storage: Object.assign(new MemoryStorage(), { items: new Map([...storage.items].filter(([key]) => key !== 'thidua.autosave')) }),
    });
    await second.controller.idle();
    // The scan said "Bảng còn 2 dòng chưa lưu."; the autosave that followed says what it did instead.
    expect(second.state()).toMatchObject({ sheet: 'ready', notice: { vi: 'Đã lưu 2 dòng. Còn 1 dòng có lỗi cần sửa.' } });
    expect((await server.nomination(id.a))!.note).toBe('chưa lưu');
    expect(await server.live()).toHaveLength(4);
    expect(second.state().unsavedRows).toBe(0);
  });

  it('autosaves 2.5 s after the last edit; off, it waits for the button, and the choice is remembered', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const { gateway, clock, server } = pane;
    const before = server.batches().length;
    gateway.edit(0, 'note', 'một');
    clock.advance(2000);
    gateway.edit(0, 'note', 'hai');
    clock.advance(2000);
    await pane.controller.idle();
    expect(server.batches()).toHaveLength(before);
    clock.advance(600);
    await pane.controller.idle();
    expect(server.batches()).toHaveLength(before + 1);
    expect(server.batches().at(-1)!.rows![0]!.note).toBe('hai');

    pane.actions.setAutosave(false);
    expect(pane.storage.getItem('thidua.autosave')).toBe('off');
    gateway.edit(0, 'note', 'ba');
    clock.advance(10_000);
    await pane.controller.idle();
    expect(server.batches()).toHaveLength(before + 1);
    expect(pane.state().edited).toBe(true);
  });

  it('never runs two saves at once: a save asked during a save runs once after it', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const { gateway, server } = pane;
    let release!: () => void;
    server.onBatch = () => new Promise<void>((resolve) => (release = resolve));
    gateway.edit(0, 'note', 'một');
    const first = pane.actions.save();
    await new Promise((resolve) => setTimeout(resolve, 0));
    gateway.edit(1, 'note', 'hai');
    const second = pane.actions.save();
    const third = pane.actions.save();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(server.inFlightBatches).toBe(1);
    server.onBatch = undefined;
    release();
    await Promise.all([first, second, third]);
    expect(server.maxInFlightBatches).toBe(1);
    expect(server.batches()).toHaveLength(2);
  });

  it('a conflict keeps both versions; "keep mine" resends with the server version', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const { gateway, server } = pane;
    await server.change(id.a, { note: 'của người khác' });
    const index = gateway.findRow('id', id.a);
    gateway.edit(index, 'note', 'của tôi');
    await pane.actions.save();
    expect(gateway.marks[index]).toBe('conflict');
    expect(gateway.cell(index, 'messages')).toMatch(/^Xung đột: dòng đã được người khác sửa/);
    const [conflict] = pane.state().conflicts;
    expect(conflict).toMatchObject({ id: id.a, theirsVersion: 2, theirsVisible: true });
    expect(conflict!.fields.filter((field) => field.differs)).toEqual([
      expect.objectContaining({ columnId: 'note', mine: 'của tôi', theirs: 'của người khác' }),
    ]);

    await pane.actions.keepMine(id.a);
    expect(server.batches().at(-1)!.rows).toEqual([expect.objectContaining({ id: id.a, version: 2, note: 'của tôi' })]);
    expect(await server.nomination(id.a)).toMatchObject({ version: 3, note: 'của tôi' });
    expect(gateway.cell(gateway.findRow('id', id.a), 'version')).toBe(3);
    expect(pane.state().conflicts).toEqual([]);
  });

  it('"take theirs" writes the server row into the sheet', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const { gateway, server } = pane;
    await server.change(id.a, { note: 'của người khác' });
    gateway.edit(gateway.findRow('id', id.a), 'note', 'của tôi');
    await pane.actions.save();
    await pane.actions.takeTheirs(id.a);
    const index = gateway.findRow('id', id.a);
    expect(gateway.cell(index, 'note')).toBe('của người khác');
    expect(gateway.cell(index, 'version')).toBe(2);
    expect(gateway.rows[index]![col('rowHash')]).toBe(rowHash(gateway.rows[index]!, columns));
    expect(gateway.marks[index]).not.toBe('conflict');
    expect(pane.state().conflicts).toEqual([]);
    const batches = server.batches().length;
    await pane.actions.save();
    expect(server.batches()).toHaveLength(batches);
  });

  it('a quota refusal leaves the row unsaved with the quota message', async () => {
    const server = await seeded();
    // The caps count the eligible proposals: HR finding one eligible takes the Giấy khen's only place.
    await server.updateCampaign({ quotaRules: QUOTA_RULES_COUNTING_ELIGIBLE });
    await server.put(fields(th[2]!.id, { status: 'eligible' }), 'tochuc@thidua.local');
    const pane = await openPane({ server, email: 'tochuc@thidua.local' });
    await pane.actions.openSheet();
    const index = pane.gateway.findRow('id', id.a);
    pane.gateway.edit(index, 'status', 'Đủ điều kiện');
    await pane.actions.save();
    expect(pane.gateway.marks[index]).toBe('error');
    expect(pane.gateway.cell(index, 'messages')).toBe('Lỗi: Vượt chỉ tiêu Giấy khen của Chánh Văn phòng: 2/1');
    expect(pane.gateway.cell(index, 'version')).toBe(1);
    expect(pane.state().lastSave!.refused).toBe(1);
    expect(pane.state().unsavedRows).toBe(1);
    // The status line: what was saved and refused, and in red why and whose.
    expect(pane.state().notice!.vi).toBe('Đã lưu 0 dòng. Còn 1 dòng có lỗi cần sửa. 1 dòng bị từ chối:');
    expect(pane.state().refusals).toEqual([
      { reason: expect.objectContaining({ vi: 'Vượt chỉ tiêu Giấy khen của Chánh Văn phòng: 2/1' }), names: [kt[0]!.fullName] },
    ]);

    // Set back to what was saved: nothing to send, and the row shows its own findings again, not the refusal.
    const before = pane.gateway.cell(index, 'messages');
    pane.gateway.edit(index, 'status', 'Đã gửi');
    await pane.actions.save();
    expect(pane.state().notice!.vi).toMatch(/^Không có thay đổi cần lưu\./);
    expect(pane.gateway.cell(index, 'messages')).not.toBe(before);
    expect(pane.gateway.cell(index, 'messages')).not.toContain('Vượt chỉ tiêu');
    expect(pane.gateway.marks[index]).not.toBe('error');
    expect(pane.state().unsavedRows).toBe(0);
  });

  it('clicking an issue selects its cell', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const item = pane
      .state()
      .issues.flatMap((group) => group.items)
      .find((candidate) => candidate.code === 'ACHIEVEMENTS_MISSING')!;
    expect(item.label).toBe(th[0]!.fullName);
    await pane.actions.selectIssue(item);
    expect(pane.gateway.selectedCell).toEqual({ rowIndex: pane.gateway.findRow('id', id.c), columnId: 'achievements' });
  });

  it("a unit clerk submits the unit's drafts; the server stamps the received date", async () => {
    const server = await freshPaneServer(api);
    const d1 = (await server.put(fields(th[0]!.id, { status: 'draft', receivedDate: undefined }))).id;
    const d2 = (await server.put(fields(th[1]!.id, { status: 'returned', returnReason: 'Thiếu tờ trình' }))).id;
    await server.put(fields(kt[0]!.id, { status: 'draft' }));
    const pane = await openPane({ server, email: 'tong-hop@thidua.local' });
    expect(pane.state().actions).toEqual(['submit']);
    await pane.actions.openSheet();
    expect(pane.gateway.rows).toHaveLength(2);
    await pane.actions.submitUnitRows();
    const { gateway } = pane;
    for (const draft of [d1, d2]) {
      const index = gateway.findRow('id', draft);
      expect(gateway.cell(index, 'status')).toBe('Đã gửi');
      expect(gateway.rows[index]![col('rowHash')]).toBe(rowHash(gateway.rows[index]!, columns));
      expect((await server.nomination(draft))!.status).toBe('submitted');
    }
    // The server stamps the day it received the row (the real API: today), an Excel date serial in the sheet.
    const received = (await server.nomination(d1))!.receivedDate!;
    expect(gateway.cell(gateway.findRow('id', d1), 'receivedDate')).toBe(Date.parse(`${received}T00:00:00Z`) / 86_400_000 + 25_569);
    expect(pane.state().notice!.vi).toBe('Đã cập nhật 2 dòng.');
  });

  it('HR returns the selected rows with a reason, and marks others eligible', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const { gateway, server } = pane;
    gateway.selection = [gateway.findRow('id', id.a)];
    await pane.actions.returnSelected('Thiếu biên bản họp xét');
    expect(await server.nomination(id.a)).toMatchObject({ status: 'returned', returnReason: 'Thiếu biên bản họp xét' });
    expect(gateway.cell(gateway.findRow('id', id.a), 'returnReason')).toBe('Thiếu biên bản họp xét');
    gateway.selection = [gateway.findRow('id', id.b), gateway.findRow('id', id.a)];
    await pane.actions.markSelectedEligible();
    expect((await server.nomination(id.b))!.status).toBe('eligible');
    expect((await server.nomination(id.a))!.status).toBe('returned');
    expect(pane.state().notice!.vi).toBe(
      'Đã cập nhật 1 dòng. Còn 1 dòng có lỗi cần sửa. Bỏ qua 1 dòng không chuyển được sang trạng thái này.',
    );
    await pane.actions.returnSelected('  ');
    expect(pane.state().error!.vi).toBe('Cần ghi lý do trả lại.');

    // The unit's clerk opens the sheet: she is told which row came back, and why.
    const clerk = await openPane({ server, email: 'kinh-te@thidua.local' });
    await clerk.actions.openSheet();
    expect(clerk.state().notice!.vi).toMatch(
      new RegExp(
        `^Đã tải \\d+ đề nghị\\. Phòng HCTC-QTTV đã trả lại 1 đề nghị, cần sửa rồi gửi lại: ${kt[0]!.fullName} \\(lý do: Thiếu biên bản họp xét\\)\\.$`,
      ),
    );
  });

  it('a row the server refuses for the role is kept back and the rest are saved', async () => {
    const pane = await openPane({ server: await seeded(), email: 'kinh-te@thidua.local' });
    await pane.actions.openSheet();
    const { gateway, server } = pane;
    const index = gateway.findRow('id', id.a);
    gateway.edit(index, 'status', 'Đủ điều kiện');
    gateway.edit(gateway.findRow('id', id.b), 'note', 'ghi chú');
    await pane.actions.save();
    expect(gateway.marks[index]).toBe('error');
    expect(gateway.cell(index, 'messages')).toBe('Lỗi: Vai trò của bạn không được chuyển đề nghị sang trạng thái này');
    expect((await server.nomination(id.b))!.note).toBe('ghi chú');
    expect((await server.nomination(id.a))!.status).toBe('submitted');
  });

  it('a row whose id the server does not know is saved as a new nomination, nothing typed lost', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    const cells = typedCells(fields(th[1]!.id, { status: 'draft' }));
    cells[col('id')] = 'zz-unknown';
    cells[col('version')] = 4;
    const index = pane.gateway.typeRow(byId(cells));
    await pane.actions.save();
    expect(pane.server.batches().map((entry) => entry.rows!.map((row) => row.id))).toEqual([['zz-unknown'], [undefined]]);
    expect(pane.gateway.cell(index, 'id')).toMatch(NEW_ID);
    expect(decodeKnownIds(pane.gateway.knownIds).ids).not.toContain('zz-unknown');
  });

  it('a viewer cannot save', async () => {
    const pane = await openPane({ server: await seeded(), email: 'lanhdao@thidua.local' });
    expect(pane.state()).toMatchObject({ canSave: false, actions: [] });
    await pane.actions.openSheet();
    pane.gateway.edit(0, 'note', 'x');
    await pane.actions.save();
    expect(pane.server.batches()).toHaveLength(0);
  });

  it('an expired session: the save stops, rows stay unsaved, and the pane asks to sign in again', async () => {
    const pane = await openPane({ server: await seeded() });
    await pane.actions.openSheet();
    pane.server.expiredSession = true;
    const index = pane.gateway.typeRow(byId(typedCells(fields(th[1]!.id, { status: 'draft' }))));
    await pane.actions.save();
    expect(pane.state().auth.status).toBe('signed-out');
    expect(pane.state().error!.vi).toMatch(/đăng nhập lại/);
    expect(pane.gateway.cell(index, 'id')).toBeFalsy();
    expect(pane.gateway.marks[index]).toBe('unsaved');
    expect(pane.gateway.cell(index, 'messages')).toBe('Chưa lưu: Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn');
  });

  it('remembers the language', async () => {
    const pane = await openPane({ server: await seeded() });
    pane.actions.setLanguage('en');
    expect(pane.state().language).toBe('en');
    const again = await openPane({ server: pane.server, storage: pane.storage });
    expect(again.state().language).toBe('en');
  });

  it('signed out, the dev picker lists the demo users', async () => {
    const pane = await openPane({ server: await freshPaneServer(api), email: null });
    expect(pane.state().auth.status).toBe('signed-out');
    expect(pane.state().auth.devUsers.map((user) => user.email)).toContain('tochuc@thidua.local');
  });

  it('a sheet loaded for another campaign is never saved into this one', async () => {
    const gateway = new FakeGateway({ exists: true, columns });
    gateway.knownIds = ['@campaign:other-campaign', 'x1'];
    gateway.typeRow(byId(typedCells(fields(th[1]!.id))));
    const pane = await openPane({ server: await seeded(), gateway });
    expect(pane.state().sheet).toBe('other-campaign');
    await pane.actions.save();
    expect(pane.server.batches()).toHaveLength(0);
  });
});
