import { expect, it } from 'vitest';
import { HR } from './support/people';
import { columnIndex, nomination, personName, SHEET, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario: HR opens the consolidated sheet, loads what the units submitted, edits a cell by hand
 * and picks a status from a cell's dropdown; the save sends only the rows changed.
 */
const suite = useE2eSuite();

it('opens the sheet, loads the campaign, and saves a typed edit and a dropdown choice', async () => {
  const people = [...staffOf('tong-hop').slice(0, 2), ...staffOf('kinh-te').slice(0, 3)];
  const seeded = await suite.seed(people.map((person) => nomination(person.id)));
  expect(seeded.summary.saved).toBe(5);

  const excel = await suite.openHost(HR);
  const loaded = await excel.openSheet();
  expect(loaded.notice?.vi).toBe('Đã tải 5 đề nghị.');

  // The sheet: laid out, the five rows in it with their bookkeeping, the system columns hidden.
  const table = await excel.table();
  expect(table.sheet).toBe(SHEET);
  expect(table.rowCount).toBe(5);
  const names = (await excel.column('nominee')).map((cell) => cell.value);
  expect(new Set(names)).toEqual(new Set(people.map((person) => personName(person.id))));
  const ids = (await excel.column('id')).map((cell) => cell.value);
  expect(new Set(ids)).toEqual(new Set(seeded.rows.map((row) => row.id)));
  const sheets = await excel.host((host) => host.sheets());
  expect(sheets.find((sheet) => sheet.name === SHEET)?.hiddenColumns).toEqual([
    columnIndex('id'),
    columnIndex('version'),
    columnIndex('rowHash'),
  ]);
  // Dates arrive as dates (serials shown dd/mm/yyyy), document numbers as text.
  const received = (await excel.column('receivedDate'))[0]!;
  expect(received).toMatchObject({ value: 45925, text: '25/09/2025', format: 'dd/mm/yyyy' });
  expect((await excel.column('dossier.TO_TRINH.number'))[0]).toMatchObject({ value: '15/TTr-TH', format: '@' });
  await expect.poll(() => excel.state().then((state) => state.unsavedRows)).toBe(0);

  // HR types a new summary of achievements into the second row, by hand.
  const targetId = String(ids[1]);
  const row = await excel.rowOfId(targetId);
  const typed = 'Hoàn thành xuất sắc nhiệm vụ; chủ trì số hóa 12.000 hồ sơ lưu trữ của Văn phòng.';
  await excel.editCell(row, columnIndex('achievements'), typed);
  // And a document number with a leading zero, which must stay text.
  await excel.editCell(row, columnIndex('dossier.TO_TRINH.number'), '0125/TTr-VP');
  await excel.waitForState((state) => state.edited);

  // HR marks the fourth row eligible from the status cell's dropdown.
  const eligibleId = String(ids[3]);
  await excel.pickFromList(await excel.rowOfId(eligibleId), columnIndex('status'), 'Đủ điều kiện');
  // Autosave is off: the pane hints the edited rows at once, as not yet checked by the server.
  // (after the hints' 800 ms pause from the last edit, and their Excel round trips: more than poll's default second)
  await expect
    .poll(async () => (await excel.column('messages')).filter((cell) => cell.text === 'Chưa lưu, chưa kiểm tra trên máy chủ.').length, {
      timeout: 10_000,
    })
    .toBe(2);

  const syncsBefore = (await excel.stats()).syncs;
  const since = suite.server.now();
  const save = await excel.save();
  expect(save.state.lastSave).toMatchObject({ saved: 2, conflicts: 0, refused: 0 });
  expect(save.state.unsavedRows).toBe(0);
  expect(save.state.error).toBeUndefined();
  // One POST for the two changed rows; the save's round trips to Excel, whatever the rows.
  const posts = suite.server.apiRequestsSince(since).filter((request) => request.method === 'POST');
  expect(posts).toHaveLength(1);
  expect(save.state.lastSaveSyncs).toBe((await excel.stats()).syncs - syncsBefore);

  const stored = await suite.nominations();
  const edited = stored.find((candidate) => candidate.id === targetId)!;
  expect(edited.achievements).toBe(typed);
  expect(edited.dossier.TO_TRINH?.number).toBe('0125/TTr-VP');
  expect(edited.version).toBe(2);
  expect(stored.find((candidate) => candidate.id === eligibleId)).toMatchObject({ status: 'eligible', version: 2 });
  // The untouched rows were not sent.
  expect(stored.filter((candidate) => candidate.version === 1)).toHaveLength(3);

  // The sheet holds the new versions and still the typed text.
  const versions = await excel.column('version');
  expect(versions[1]!.value).toBe(2);
  expect((await excel.column('dossier.TO_TRINH.number'))[1]!.value).toBe('0125/TTr-VP');
  const stats = await excel.stats();
  expect(stats.gaps).toEqual([]);
  expect(stats.autoSyncs).toBe(0);
  expect(stats.events.byAddin).toBe(0);
  expect(await excel.host((host) => host.formulaCells())).toEqual([]);
  expect(excel.log.errors).toEqual([]);
});
