import { expect, it } from 'vitest';
import { HR, unitClerk } from './support/people';
import { columnIndex, nomination, personName, sheetRow, staffOf, unitName } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario: the clerk of Phòng Kinh tế opens the sheet. She sees her unit's nominations while the
 * unit holds them, and nothing of another unit's: not in the sheet, not in what the API sent her.
 * A row she pastes for another unit is refused, kept in her sheet with the reason, and not stored.
 */
const suite = useE2eSuite();

it("keeps another unit's rows out of a unit clerk's sheet, and refuses her row for another unit", async () => {
  const ours = staffOf('kinh-te');
  const theirs = staffOf('tong-hop');
  const seeded = await suite.seed([
    nomination(ours[0]!.id),
    nomination(ours[1]!.id, { status: 'draft' }),
    nomination(ours[2]!.id, { status: 'eligible' }), // HR has taken it over: no longer the unit's to see
    nomination(theirs[0]!.id),
    nomination(theirs[1]!.id),
  ]);
  const [visibleA, visibleB, takenOver, otherA, otherB] = seeded.rows.map((row) => row.id!);

  const clerk = await suite.openHost(unitClerk('kinh-te'));
  const since = suite.server.now();
  const loaded = await clerk.openSheet();
  expect(loaded.user).toMatchObject({ role: 'unit', unitId: 'kinh-te' });
  expect(loaded.notice?.vi).toBe('Đã tải 2 đề nghị.');

  const ids = (await clerk.column('id')).map((cell) => cell.value);
  expect(ids.sort()).toEqual([visibleA, visibleB].sort());
  expect((await clerk.column('unit')).map((cell) => cell.value)).toEqual([unitName('kinh-te'), unitName('kinh-te')]);
  const names = (await clerk.column('nominee')).map((cell) => String(cell.value));
  for (const person of theirs.slice(0, 2)) expect(names).not.toContain(personName(person.id));
  // Nothing of the other unit (nor the row HR took over) reached the clerk's pane over the network.
  const answers = suite.server.apiRequestsSince(since).filter((request) => request.path.includes('/nominations'));
  expect(answers.length).toBeGreaterThan(0);
  const everything = await clerk.page.evaluate(() => JSON.stringify(window.thiduaHost!.tableValues('TongHopDeNghi')));
  for (const id of [takenOver, otherA, otherB]) expect(everything).not.toContain(id);

  // She pastes a row for Phòng Tổng hợp's staff member. The pane knows her role: it keeps the row
  // back with the reason rather than send what the API would refuse.
  await clerk.pasteRows([sheetRow(nomination(theirs[2]!.id))]);
  const before = suite.server.now();
  const save = await clerk.save();
  expect(suite.server.apiRequestsSince(before).filter((request) => request.method === 'POST')).toEqual([]);
  expect(save.state.unsavedRows).toBe(1);
  expect(save.state.error).toBeUndefined();
  const messages = (await clerk.column('messages')).map((cell) => cell.text);
  const fills = await clerk.fills();
  expect(messages[2]).toBe('Lỗi: Bạn chỉ được xem và sửa đề nghị của đơn vị mình');
  expect(fills[2]).toBe('#FFC7CE');
  // The API refuses it too, had it been sent.
  const token = await suite.api.tokenFor(unitClerk('kinh-te'));
  const direct = await suite.api.request('POST', '/campaigns/dot-thi-dua-dac-biet-2025/nominations/batch', {
    token,
    body: { rows: [nomination(theirs[2]!.id)] },
  });
  expect(direct.status).toBe(403);
  expect(direct.body).toMatchObject({ code: 'FORBIDDEN_UNIT' });
  const table = await clerk.table();
  const notes = await clerk.host((host, sheet) => host.notes(sheet), table.sheet);
  expect(notes.some((note) => note.row === table.top + 3 && note.column === columnIndex('unit'))).toBe(true);
  // Her own rows are untouched by the refusal.
  expect(fills.slice(0, 2).every((fill) => fill !== '#FFC7CE')).toBe(true);

  // The server stored nothing for Phòng Tổng hợp from her; HR sees the five rows, unchanged.
  const all = await suite.nominations(HR);
  expect(all).toHaveLength(5);
  expect(all.filter((item) => item.unitId === 'tong-hop')).toHaveLength(2);
  expect(all.every((item) => item.version === 1)).toBe(true);
  const hers = await suite.nominations(unitClerk('kinh-te'));
  expect(hers.map((item) => item.id).sort()).toEqual([visibleA, visibleB].sort());
  expect((await clerk.stats()).gaps).toEqual([]);
  expect(clerk.log.errors).toEqual([]);
});
