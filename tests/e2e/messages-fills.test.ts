import { expect, it } from 'vitest';
import { HR } from './support/people';
import { columnIndex, nomination, sheetRow, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario: after a save, each row says what the rules found — the messages column, the row's fill by
 * its worst finding, a note on each offending cell — and the pane lists the findings by rule; a click
 * on one selects its cell in the sheet.
 */
const suite = useE2eSuite();

const RED = '#FFC7CE';
const YELLOW = '#FFF2CC';
const MISSING_MINUTES = {
  TO_TRINH: { present: true, number: '07/TTr-TH', date: '2025-09-15' },
  BIEN_BAN_HOP_XET: { present: false },
  BAO_CAO_THANH_TICH: { present: true, number: '01/BC-TH', date: '2025-09-10' },
};

it('writes messages, fills and notes for what the rules found, and the pane lists them', async () => {
  // The office lets units send a dossier still in error (as the plan's default does not): the rules' errors show on saved rows.
  await suite.updateCampaign({ allowIncompleteSubmission: true });
  const people = [...staffOf('tong-hop'), ...staffOf('kinh-te')];
  const rows = [
    nomination(people[0]!.id, { status: 'draft' }), // clean
    nomination(people[1]!.id, { status: 'submitted' }), // competes for one place: the form's warning, not the row's
    nomination(people[2]!.id, { status: 'draft', dossier: MISSING_MINUTES }), // a draft may lack a document: a warning
    nomination(people[3]!.id, { status: 'submitted', dossier: MISSING_MINUTES }), // submitted without it: an error
    nomination(people[4]!.id, { receivedDate: '2025-10-15' }), // after the deadline
    nomination(people[5]!.id, { achievements: '=Hoàn thành xuất sắc nhiệm vụ' }), // looks like a formula
    nomination(people[6]!.id, { criteriaMet: [] }), // no criterion: an error
  ].map(sheetRow);
  const badDate = sheetRow(nomination(people[7]!.id));
  badDate[columnIndex('dossier.TO_TRINH.date')] = '31/02/2025'; // no such day: the row cannot be sent
  const unknown = sheetRow(nomination(people[8]!.id));
  unknown[columnIndex('nominee')] = 'Nguyễn Văn Không Có'; // not in the office's registry
  rows.push(badDate, unknown);

  const excel = await suite.openHost(HR);
  await excel.openSheet();
  await excel.pasteRows(rows);
  const save = await excel.save();
  expect(save.state.lastSave).toMatchObject({ saved: 8, conflicts: 0, refused: 0 });
  expect(save.state.unsavedRows).toBe(1); // the row with 31/02/2025

  const messages = (await excel.column('messages')).map((cell) => cell.text);
  const fills = await excel.fills();
  // More candidates than places is the form's finding: no candidate's row turns yellow for it.
  expect(fills).toEqual([null, null, YELLOW, RED, YELLOW, null, RED, RED, RED]);
  expect(messages[0]).toBe('');
  expect(messages[1]).toBe('');
  expect(messages.join('\n')).not.toContain('đề nghị cho 1 suất');
  expect(messages[2]).toBe('Cảnh báo: Hồ sơ thiếu Biên bản cuộc họp xét khen thưởng');
  // Errors first, then warnings, one line each.
  expect(messages[3]!.split('\n')[0]).toBe('Lỗi: Hồ sơ thiếu Biên bản cuộc họp xét khen thưởng');
  expect(messages[4]).toContain('Cảnh báo: Hồ sơ nhận ngày 15/10/2025, sau hạn 30/09/2025');
  expect(messages[6]!.split('\n')[0]).toBe('Lỗi: Chưa nêu tiêu chuẩn khen thưởng mà tập thể, cá nhân đáp ứng');
  expect(messages[7]).toBe('Lỗi: Ngày tờ trình: "31/02/2025" không phải ngày dd/MM/yyyy');
  expect(messages[8]!.split('\n')[0]).toBe('Lỗi: Không có cá nhân "Nguyễn Văn Không Có" trong danh sách của Văn phòng');
  // Every row but the clean one, whether it has findings, a fill: the two always agree.
  messages.forEach((text, i) => expect(fills[i]).toBe(text.startsWith('Lỗi') ? RED : text.startsWith('Cảnh báo') ? YELLOW : null));

  // Notes on the offending cells, saying what is wrong (no rule code: that is the program's, not the reader's).
  const table = await excel.table();
  const notes = await excel.host((host, sheet) => host.notes(sheet), table.sheet);
  const noteAt = (bodyRow: number, columnId: string) =>
    notes.find((note) => note.row === table.top + 1 + bodyRow && note.column === columnIndex(columnId))?.content;
  expect(noteAt(3, 'dossier.BIEN_BAN_HOP_XET.present')).toBe('Kết quả kiểm tra:\nHồ sơ thiếu Biên bản cuộc họp xét khen thưởng');
  expect(noteAt(4, 'receivedDate')).toMatch(/^Kết quả kiểm tra:\nHồ sơ nhận ngày 15\/10\/2025, sau hạn/);
  expect(noteAt(6, 'criteriaMet')).toContain('Chưa nêu tiêu chuẩn khen thưởng');
  expect(noteAt(7, 'dossier.TO_TRINH.date')).toContain('31/02/2025');
  expect(noteAt(8, 'nominee')).toContain('trong danh sách của Văn phòng');
  for (const note of notes) expect(note.content).not.toMatch(/[A-Z]+_[A-Z_]+/);
  expect(noteAt(0, 'nominee')).toBeUndefined();

  // Text that looks like a formula stayed text, here and on the server.
  expect((await excel.column('achievements'))[5]!.value).toBe('=Hoàn thành xuất sắc nhiệm vụ');
  expect(await excel.host((host) => host.formulaCells())).toEqual([]);
  const stored = await suite.nominations();
  expect(stored.map((item) => item.achievements)).toContain('=Hoàn thành xuất sắc nhiệm vụ');
  expect(stored).toHaveLength(8);

  // The pane lists the findings by rule; a click on one selects its cell in the sheet.
  await excel.waitForState((state) => state.issueCounts.errors >= 3);
  // The form's finding once, in the quota panel: not a list of the same sentence per candidate.
  expect(await excel.pane.getByRole('heading', { name: /^Nhiều đề nghị hơn số suất/ }).count()).toBe(0);
  const giayKhen = excel.pane.getByRole('listitem', { name: /^Giấy khen của Chánh Văn phòng – Toàn Văn phòng/ });
  await expect.poll(() => giayKhen.getByText('Nhiều đề nghị hơn số suất').count()).toBe(1);
  const group = excel.pane.getByRole('heading', { name: /Hồ sơ chưa đủ thành phần/ });
  await expect.poll(() => group.count()).toBeGreaterThan(0);
  await excel.pane
    .getByRole('button', { name: /^Chọn ô trong bảng: .*Hồ sơ thiếu Biên bản/ })
    .first()
    .click();
  // (selectCell runs in its own Excel batch after the click.)
  await expect.poll(() => excel.host((host) => host.selection().areas[0]!.column)).toBe(columnIndex('dossier.BIEN_BAN_HOP_XET.present'));
  const selection = await excel.host((host) => host.selection());
  expect(selection.areas).toHaveLength(1);
  expect(selection.areas[0]!.column).toBe(columnIndex('dossier.BIEN_BAN_HOP_XET.present'));
  expect([table.top + 1 + 2, table.top + 1 + 3]).toContain(selection.areas[0]!.row);
  expect((await excel.stats()).gaps).toEqual([]);
  expect(excel.log.errors).toEqual([]);
});
