import { expect, it } from 'vitest';
import { CAMPAIGN_ID, HR } from './support/people';
import { columnIndex, mixedNominations, sheetRow } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario: HR pastes 200 rows into the sheet and saves. Every row reaches the server once, comes
 * back with its id, version and findings, and the save costs the same few round trips to Excel as a
 * save of 10 rows.
 */
const suite = useE2eSuite();

const RED = '#FFC7CE';
const YELLOW = '#FFF2CC';

it('saves 200 pasted rows in one request, writes every result back, and keeps text as text', async () => {
  const excel = await suite.openHost(HR);
  await excel.openSheet();
  const changes = mixedNominations(200);
  const pasted = await excel.pasteRows(changes.map(sheetRow));
  expect(pasted).toMatchObject({ rows: 200, columns: columnIndex('overrideReason') + 1 });
  expect((await excel.table()).rowCount).toBe(200);
  // The pane heard the paste (onChanged) and counts the rows as not saved.
  await excel.waitForState((state) => state.edited);

  const since = suite.server.now();
  const statsBefore = await excel.stats();
  const save = await excel.save();
  expect(save.state.lastSave).toMatchObject({ saved: 200, conflicts: 0, refused: 0 });
  expect(save.state.unsavedRows).toBe(0);
  expect(save.state.error).toBeUndefined();
  const syncs200 = save.state.lastSaveSyncs!;
  const statsAfter = await excel.stats();
  expect(statsAfter.syncs - statsBefore.syncs).toBe(syncs200);
  // Every request to Excel stayed under Excel on the web's 5 MB.
  expect(statsAfter.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  const posts = suite.server
    .apiRequestsSince(since)
    .filter((request) => request.method === 'POST' && request.path.endsWith('/nominations/batch'));
  expect(posts).toHaveLength(1);

  // The server has each row once.
  const stored = await suite.nominations();
  expect(stored).toHaveLength(200);
  const ids = (await excel.column('id')).map((cell) => String(cell.value));
  expect(new Set(ids).size).toBe(200);
  expect(new Set(ids)).toEqual(new Set(stored.map((item) => item.id)));
  expect((await excel.column('version')).every((cell) => cell.value === 1)).toBe(true);

  // Messages and fills agree with the server's own report, row by row.
  const token = await suite.api.tokenFor(HR);
  const report = await suite.api.request<{ issues: { nominationId?: string; severity: string }[] }>(
    'GET',
    `/campaigns/${CAMPAIGN_ID}/validation`,
    { token },
  );
  const worst = new Map<string, string>();
  for (const issue of report.body.issues) {
    if (!issue.nominationId) continue;
    if (issue.severity === 'error' || !worst.has(issue.nominationId)) worst.set(issue.nominationId, issue.severity);
  }
  const messages = (await excel.column('messages')).map((cell) => cell.text);
  const fills = await excel.fills();
  ids.forEach((id, i) => {
    const expected = worst.get(id) === 'error' ? RED : worst.get(id) === 'warning' ? YELLOW : null;
    expect({ row: i, fill: fills[i] }).toEqual({ row: i, fill: expected });
    expect(messages[i] === '').toBe(expected === null);
  });

  // Text a spreadsheet would take for a formula stayed text: in the sheet and on the server.
  const notes = (await excel.column('note')).map((cell) => cell.value);
  expect(notes.filter((note) => note === '=Đề nghị bổ sung sau')).toHaveLength(8);
  expect(notes.filter((note) => note === '- Đã xin ý kiến Ban Thường vụ')).toHaveLength(8);
  expect(await excel.host((host) => host.formulaCells())).toEqual([]);
  expect(stored.filter((item) => item.note === '=Đề nghị bổ sung sau')).toHaveLength(8);
  // Document numbers with a leading zero kept it.
  const numbers = (await excel.column('dossier.TO_TRINH.number')).map((cell) => cell.value);
  expect(numbers.filter((value) => typeof value === 'string' && value.startsWith('0'))).toHaveLength(20);

  // Round trips to Excel do not grow with the rows: 10 more rows, then 190 more, on the same sheet
  // (now holding notes, which the writes locate first), cost the same.
  const more = mixedNominations(400).slice(200);
  await excel.pasteRows(more.slice(0, 10).map(sheetRow));
  const small = await excel.save();
  expect(small.state.lastSave).toMatchObject({ saved: 10 });
  await excel.pasteRows(more.slice(10).map(sheetRow));
  const large = await excel.save();
  expect(large.state.lastSave).toMatchObject({ saved: 190 });
  expect(large.state.lastSaveSyncs).toBe(small.state.lastSaveSyncs);
  expect(syncs200).toBeLessThanOrEqual(small.state.lastSaveSyncs!);
  expect(await suite.nominations()).toHaveLength(400);

  const stats = await excel.stats();
  expect(stats.gaps).toEqual([]);
  expect(stats.autoSyncs).toBe(0);
  expect(stats.events.byAddin).toBe(0);
  expect(excel.log.errors).toEqual([]);
});
