import { expect, it } from 'vitest';
import { QUOTA_RULES_COUNTING_ELIGIBLE } from '#tests/support/rows';
import { HR } from './support/people';
import { columnIndex, nomination, sheetRow, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario: the office caps the proposals for the Bằng khen of the Chairman at one (its quota counts the
 * eligible nominations: only the council's confirmed round selects). HR marks three nominations "Đủ
 * điều kiện" for it: one place is taken, the other rows are refused with the quota's message, kept in
 * the sheet unsaved, and the pane's quota panel shows the place taken. Moving a refused row back to
 * "Đã gửi" saves it.
 */
const suite = useE2eSuite();

it('refuses the rows that would go over a quota, says why on each, and shows the quota in the pane', async () => {
  await suite.updateCampaign({ quotaRules: QUOTA_RULES_COUNTING_ELIGIBLE });
  const people = staffOf('khoa-giao-van-xa').slice(0, 3);
  const rows = people.map((person) => sheetRow(nomination(person.id, { awardForm: 'BANG_KHEN_CT_UBND', status: 'eligible' })));

  const excel = await suite.openHost(HR);
  await excel.openSheet();
  await excel.pasteRows(rows);
  const save = await excel.save();
  expect(save.state.lastSave).toMatchObject({ saved: 1, refused: 2 });
  expect(save.state.unsavedRows).toBe(2);
  // One status line: saved and refused, and in red the reason with the nominees' names.
  expect(save.state.notice?.vi).toBe('Đã lưu 1 dòng. 2 dòng bị từ chối:');
  expect(save.state.refusals).toHaveLength(1);
  expect(save.state.refusals![0]!.reason.vi).toBe('Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1');
  expect(save.state.refusals![0]!.names).toHaveLength(2);
  const refusedLine = excel.pane.getByRole('listitem').filter({ hasText: 'Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1 – ' });
  await expect.poll(() => refusedLine.count()).toBe(1);
  for (const name of save.state.refusals![0]!.names) expect(people.map((person) => person.fullName)).toContain(name);

  const messages = (await excel.column('messages')).map((cell) => cell.text);
  const fills = await excel.fills();
  const ids = (await excel.column('id')).map((cell) => cell.value);
  const saved = ids.findIndex((id) => id !== '');
  expect(ids.filter((id) => id !== '')).toHaveLength(1);
  const refused = [0, 1, 2].filter((i) => i !== saved);
  for (const i of refused) {
    // What the place count would have become, of the cap.
    expect(messages[i]).toBe('Lỗi: Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1');
    expect(fills[i]).toBe('#FFC7CE');
  }
  // The refusal's note is on the status cell.
  const table = await excel.table();
  const notes = await excel.host((host, sheet) => host.notes(sheet), table.sheet);
  for (const i of refused) {
    expect(notes.find((note) => note.row === table.top + 1 + i && note.column === columnIndex('status'))?.content).toMatch(
      'Kết quả kiểm tra:\nVượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1',
    );
  }

  // The pane: the Chairman's Bằng khen has its one place taken.
  const state = await excel.waitForState((view) => view.quota.some((row) => row.key.startsWith('QUOTA_BANG_KHEN') && row.used === 1));
  expect(state.quota.find((row) => row.key.startsWith('QUOTA_BANG_KHEN'))).toMatchObject({ used: 1, max: 1 });
  await expect.poll(() => excel.pane.getByText('Đã chọn 1/1').count()).toBeGreaterThan(0);

  // The server took only the one row.
  const stored = await suite.nominations();
  expect(stored.filter((item) => item.awardForm === 'BANG_KHEN_CT_UBND' && item.status === 'eligible')).toHaveLength(1);

  // HR moves one refused row back to "Đã gửi": it saves; the other stays refused.
  await excel.pickFromList(table.top + 1 + refused[0]!, columnIndex('status'), 'Đã gửi');
  const second = await excel.save();
  expect(second.state.lastSave).toMatchObject({ saved: 1, refused: 1 });
  expect(second.state.unsavedRows).toBe(1);
  expect(second.state.notice?.vi).toBe('Đã lưu 1 dòng. 1 dòng bị từ chối:');
  expect(second.state.refusals![0]!.names).toHaveLength(1);
  const after = await suite.nominations();
  expect(after).toHaveLength(2);
  expect(after.map((item) => item.status).sort()).toEqual(['eligible', 'submitted']);
  const fillsAfter = await excel.fills();
  expect(fillsAfter[refused[1]!]).toBe('#FFC7CE');
  expect((await excel.stats()).gaps).toEqual([]);
  expect(excel.log.errors).toEqual([]);
});
