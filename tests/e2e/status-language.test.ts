import { expect, it } from 'vitest';
import { HR } from './support/people';
import { COLUMNS, nomination, sheetRow, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario: HR works in an English pane on the shared workbook. After each action the pane says, in
 * one line, what that action did (never the previous one's text); what the add-in writes into the
 * sheet stays in the campaign's language, Vietnamese, whatever language the pane shows.
 */
const suite = useE2eSuite();

const MISSING_MINUTES = {
  TO_TRINH: { present: true, number: '07/TTr-TH', date: '2025-09-15' },
  BIEN_BAN_HOP_XET: { present: false },
  BAO_CAO_THANH_TICH: { present: true, number: '01/BC-TH', date: '2025-09-10' },
};

it('says what each save did in one line, and writes the sheet in Vietnamese from an English pane', async () => {
  const people = staffOf('tong-hop');
  // The campaign takes incomplete dossiers, so that a submitted row can carry an error to show.
  await suite.updateCampaign({ allowIncompleteSubmission: true });
  const excel = await suite.openHost(HR);
  const opened = await excel.openSheet();
  // The seeded campaign has no rows yet: the pane says what to do next.
  expect(opened.notice?.vi).toMatch(/^Đợt thi đua chưa có đề nghị nào\. Gõ hoặc dán đề nghị vào bảng/);
  await excel.setLanguage('en');

  await excel.pasteRows([
    sheetRow(nomination(people[0]!.id, { status: 'draft' })),
    sheetRow(nomination(people[1]!.id, { status: 'submitted', dossier: MISSING_MINUTES })), // an error
  ]);
  const saved = await excel.save('Save');
  expect(saved.state.lastSave).toMatchObject({ saved: 2, refused: 0, conflicts: 0 });
  // The load's line is gone: the save's says how many rows were saved and how many still carry errors.
  expect(saved.state.notice).toEqual({
    vi: 'Đã lưu 2 dòng. Còn 1 dòng có lỗi cần sửa.',
    en: 'Saved 2 row(s). 1 row(s) still have errors to fix.',
  });
  await expect.poll(() => excel.pane.getByText('Saved 2 row(s). 1 row(s) still have errors to fix.').count()).toBe(1);
  expect(await excel.pane.getByText(/^This campaign has no nominations yet/).count()).toBe(0);

  // The sheet is the campaign's: Vietnamese messages, statuses and headers, and notes without rule codes.
  const messages = (await excel.column('messages')).map((cell) => cell.text);
  expect(messages[1]).toBe('Lỗi: Hồ sơ thiếu Biên bản cuộc họp xét khen thưởng');
  expect((await excel.column('status')).map((cell) => cell.text)).toEqual(['Dự thảo', 'Đã gửi']);
  const table = await excel.table();
  expect(table.headers).toEqual(COLUMNS.map((column) => column.header));
  const notes = await excel.host((host, sheet) => host.notes(sheet), table.sheet);
  expect(notes.length).toBeGreaterThan(0);
  for (const note of notes) expect(note.content).not.toMatch(/[A-Z]+_[A-Z_]+:/);

  // Nothing to send: said so, not the previous save's figures.
  const nothing = await excel.save('Save');
  expect(nothing.state.notice?.en).toBe('Nothing to save. 1 row(s) still have errors to fix.');
  await excel.setLanguage('vi');
  await expect.poll(() => excel.pane.getByText('Không có thay đổi cần lưu. Còn 1 dòng có lỗi cần sửa.').count()).toBe(1);
  expect((await excel.stats()).gaps).toEqual([]);
  expect(excel.log.errors).toEqual([]);
});
