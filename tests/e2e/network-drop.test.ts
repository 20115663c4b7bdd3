import { expect, it } from 'vitest';
import { HR } from './support/people';
import { columnIndex, mixedNominations, sheetRow } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario: the network drops during a save. The API received the rows and saved them, but its
 * answer never arrived, and the connection stays down while the pane retries. The rows stay in the
 * sheet marked unsaved, the pane says it will try again; when the network is back, the automatic retry
 * saves them — with the same idempotency key, so the server holds every row exactly once.
 */
// The network comes back before the suite closes, whatever the test left.
const suite = useE2eSuite((started) => started.server.network.up());

const UNSAVED = '#DDEBF7';

it('keeps the rows marked unsaved while the network is down, then saves each exactly once', async () => {
  const excel = await suite.openHost(HR);
  await excel.openSheet();
  const changes = mixedNominations(50);
  await excel.pasteRows(changes.map(sheetRow));

  const { network } = suite.server;
  // The first save request reaches the API; its answer is lost, and the network goes down with it.
  network.fail('drop-response', { method: 'POST', path: /\/nominations\/batch$/, after: () => network.down() });
  const since = suite.server.now();
  const failed = await excel.save();
  expect(network.state).toBe('down');

  // Nothing is lost: every row is still in the sheet, marked unsaved, and says it will be retried.
  expect(failed.state.unsavedRows).toBe(50);
  expect(failed.state.error?.vi).toBeTruthy();
  expect(failed.state.retry?.attempt).toBe(1);
  await expect.poll(() => excel.pane.getByText(/Lưu chưa thành công, sẽ tự thử lại sau \d+ giây \(lần 1\)/).count()).toBe(1);
  const table = await excel.table();
  expect(table.rowCount).toBe(50);
  const messages = (await excel.column('messages')).map((cell) => cell.text);
  expect(messages.every((text) => text === 'Chưa lưu – sẽ tự thử lại')).toBe(true);
  expect((await excel.fills()).every((fill) => fill === UNSAVED)).toBe(true);
  expect((await excel.column('id')).every((cell) => cell.value === '')).toBe(true);
  expect((await excel.column('nominee')).map((cell) => cell.value)).toEqual(
    changes.map((change) => sheetRow(change)[columnIndex('nominee')]),
  );

  // Meanwhile the API did save the rows of the request whose answer was lost.
  const posts = suite.server.apiRequestsSince(since).filter((request) => request.method === 'POST');
  expect(posts[0]).toMatchObject({ fault: 'drop-response', status: 200 });
  expect(posts.slice(1).every((request) => request.fault === 'reset')).toBe(true);
  expect(await suite.nominations()).toHaveLength(50);

  // The network comes back; the pane's own retry saves the rows, without anyone clicking.
  const back = suite.server.now();
  network.up();
  const saved = await excel.waitForState(
    (state) => !state.saving && state.unsavedRows === 0 && state.lastSave?.saved === 50 && !state.retry,
    90_000,
  );
  expect(saved.error).toBeUndefined();

  // Exactly once: the retry carried the lost request's idempotency key, and the API answered it
  // from what it had saved rather than saving the rows again.
  const retried = suite.server.apiRequestsSince(back).filter((request) => request.method === 'POST');
  expect(retried).toHaveLength(1);
  expect(retried[0]!.idempotencyKey).toBe(posts[0]!.idempotencyKey);
  const stored = await suite.nominations();
  expect(stored).toHaveLength(50);
  const ids = (await excel.column('id')).map((cell) => String(cell.value));
  expect(new Set(ids)).toEqual(new Set(stored.map((item) => item.id)));
  expect((await excel.column('messages')).some((cell) => cell.text.startsWith('Chưa lưu'))).toBe(false);
  expect((await excel.fills()).some((fill) => fill === UNSAVED)).toBe(false);
  expect((await excel.stats()).gaps).toEqual([]);
  expect(excel.log.errors).toEqual([]);
});
