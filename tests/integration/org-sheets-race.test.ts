import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { OrgSheetResult } from '#shared/api/org-sheets';
import type { Db } from '#functions/store/client';
import { savePeople } from '#functions/org/save-people';
import { saveUnits } from '#functions/org/save-units';
import { countAdmins } from '#functions/store/org-sheet-store';
import { getUser, listUsers } from '#functions/store/org-store';
import { useTestApi } from '#tests/support/api';
import { ADMIN } from '#tests/support/rows';

/**
 * Two admins saving the same org-sheet row at once (issue 10): each save writes over the version it
 * read, so the second is refused in its row with a conflict message (vi, en) and the first's change is
 * what is stored, never overwritten; over DynamoDB Local, through the API and step by step.
 */
const api = useTestApi();
const SECOND_ADMIN = 'quantri2@thidua.local';

const person = (fullName: string, more: Record<string, unknown> = {}) => ({ fullName, unitId: 'kinh-te', underDiscipline: false, ...more });
const unit = (id: string, name: string) => ({ id, name, isHrOffice: false, underDiscipline: false });

async function save(path: string, body: unknown, token: string): Promise<OrgSheetResult> {
  const answer = await api.request('PUT', path, { token, body });
  expect(answer.status, answer.text.slice(0, 400)).toBe(200);
  return answer.body;
}

async function admins(): Promise<[string, string]> {
  const first = await api.tokenFor(ADMIN);
  const user = { email: SECOND_ADMIN, displayName: 'Quản trị hai', role: 'admin' };
  await save('/users', { rows: [{ rowKey: '2', user }] }, first);
  return [first, await api.tokenFor(SECOND_ADMIN)];
}

/** A Db whose first transaction waits for `meanwhile`: the other admin's save lands between this save's read and its write. */
function interleaved(meanwhile: () => Promise<unknown>): Db {
  const db: Db = { doc: api.doc, tableName: api.tableName };
  let first = true;
  const send = api.doc.send.bind(api.doc) as (command: unknown) => Promise<unknown>;
  const doc = new Proxy(api.doc, {
    get(target, property) {
      if (property !== 'send') return Reflect.get(target, property);
      return async (command: unknown) => {
        if (first && command instanceof TransactWriteCommand) {
          first = false;
          await meanwhile();
        }
        return send(command);
      };
    },
  });
  return { ...db, doc };
}

const conflictMessage = {
  vi: expect.stringMatching(/^Người khác đã lưu dòng này trước bạn \(nay là phiên bản 2\) nên thay đổi của bạn chưa được lưu/),
  en: expect.stringMatching(/^Someone else saved this row before you \(now version 2\), so your change was not saved/),
};

describe('two admins saving the same row at once', () => {
  it('Cán bộ: of ten saves of one row fired together by two admins, one is stored and nine are told in their row', async () => {
    const tokens = await admins();
    const created = await save('/people', { rows: [{ rowKey: '2', person: person('Đinh Văn Đua') }] }, tokens[0]);
    const id = created.rows[0]!.id!;
    const titles = Array.from({ length: 10 }, (_, n) => `Chức vụ ${n}`);
    const answers = await Promise.all(
      titles.map((title, n) =>
        save('/people', { rows: [{ rowKey: String(n + 2), version: 1, person: person('Đinh Văn Đua', { id, title }) }] }, tokens[n % 2]!),
      ),
    );
    const saved = answers.flatMap((answer, n) => (answer.rows[0]!.outcome === 'saved' ? [titles[n]] : []));
    expect(saved).toHaveLength(1);
    const refused = answers.filter((answer) => answer.rows[0]!.outcome === 'refused').map((answer) => answer.rows[0]!);
    expect(refused).toHaveLength(9);
    for (const row of refused) expect(row.findings).toEqual([expect.objectContaining({ code: 'STALE_ROW', severity: 'error' })]);
    const stored = (await api.request('GET', '/people', { token: tokens[0] })).body.items.find((p: { id: string }) => p.id === id);
    expect(stored).toMatchObject({ title: saved[0], version: 2 });
  });

  it("Cán bộ: the other admin's save landing between this save's read and its write wins; this row is refused, the rest saved", async () => {
    const tokens = await admins();
    const created = await save(
      '/people',
      {
        rows: [
          { rowKey: '2', person: person('Hoàng Thị Trước') },
          { rowKey: '3', person: person('Hoàng Văn Bên') },
        ],
      },
      tokens[0],
    );
    const [a, b] = created.rows.map((row) => row.id!);
    const theirs = () =>
      save(
        '/people',
        { rows: [{ rowKey: '9', version: 1, person: person('Hoàng Thị Trước', { id: a, title: 'Trưởng phòng' }) }] },
        tokens[1],
      );
    const mine = await savePeople(interleaved(theirs), {
      rows: [
        { rowKey: '2', version: 1, person: person('Hoàng Thị Trước', { id: a, title: 'Phó phòng' }) },
        { rowKey: '3', version: 1, person: person('Hoàng Văn Bên', { id: b, title: 'Chuyên viên' }) },
        { rowKey: '4', person: person('Hoàng Văn Mới') },
      ],
      removed: [],
    });
    expect(mine.rows.map((row) => [row.rowKey, row.outcome])).toEqual([
      ['2', 'refused'],
      ['3', 'saved'],
      ['4', 'saved'],
    ]);
    expect(mine.rows[0]).toMatchObject({ id: a, findings: [{ code: 'STALE_ROW', message: conflictMessage }] });
    expect(mine.summary).toMatchObject({ saved: 2, refused: 1 });
    const people = (await api.request('GET', '/people', { token: tokens[0] })).body.items as {
      id: string;
      title?: string;
      version: number;
    }[];
    expect(people.find((p) => p.id === a)).toMatchObject({ title: 'Trưởng phòng', version: 2 });
    expect(people.find((p) => p.id === b)).toMatchObject({ title: 'Chuyên viên', version: 2 });
  });

  it('Người dùng: of ten saves of one user fired together by two admins, one is stored and nine are told in their row', async () => {
    const tokens = await admins();
    const email = 'dua.nguoidung@thidua.local';
    const user = (displayName: string) => ({ email, displayName, role: 'viewer' });
    expect((await save('/users', { rows: [{ rowKey: '2', user: user('Người Đua') }] }, tokens[0])).rows[0]).toMatchObject({ version: 1 });
    const names = Array.from({ length: 10 }, (_, n) => `Người Đua ${n}`);
    const answers = await Promise.all(
      names.map((name, n) => save('/users', { rows: [{ rowKey: '2', version: 1, user: user(name) }] }, tokens[n % 2]!)),
    );
    const saved = answers.flatMap((answer, n) => (answer.rows[0]!.outcome === 'saved' ? [names[n]] : []));
    expect(saved).toHaveLength(1);
    for (const answer of answers.filter((a) => a.rows[0]!.outcome !== 'saved'))
      expect(answer.rows[0]).toMatchObject({ outcome: 'refused', findings: [{ code: 'STALE_ROW' }] });
    const users = (await api.request('GET', '/users', { token: tokens[0] })).body.items as { email: string }[];
    expect(users.find((u) => u.email === email)).toMatchObject({ displayName: saved[0], version: 2 });
  });

  it('Đơn vị: a unit renamed by one admin while the other removes it is kept, and the rename saved over it is refused', async () => {
    const tokens = await admins();
    await save('/units', { rows: [{ rowKey: '2', unit: unit('to-dua', 'Tổ Đua') }] }, tokens[0]);
    const theirs = () => save('/units', { rows: [{ rowKey: '2', version: 1, unit: unit('to-dua', 'Tổ Đua Mới') }] }, tokens[1]);
    const removal = await saveUnits(interleaved(theirs), { rows: [], removed: ['to-dua'] });
    expect(removal.removed).toEqual([{ id: 'to-dua', outcome: 'kept', reason: conflictMessage }]);
    const late = await save('/units', { rows: [{ rowKey: '2', version: 1, unit: unit('to-dua', 'Tổ Đua Cũ') }] }, tokens[0]);
    expect(late.rows[0]).toMatchObject({ outcome: 'refused', findings: [{ code: 'STALE_ROW', message: conflictMessage }] });
    const units = (await api.request('GET', '/units', { token: tokens[0] })).body.items as { id: string; name: string }[];
    expect(units.find((u) => u.id === 'to-dua')).toMatchObject({ name: 'Tổ Đua Mới' });
  });

  it('Người dùng: a role is read as just saved (consistent reads), so a newly promoted admin acts at once', async () => {
    const [first] = await admins();
    const sent: { ConsistentRead?: boolean }[] = [];
    const send = api.doc.send.bind(api.doc) as (command: { input: { ConsistentRead?: boolean } }) => Promise<unknown>;
    const doc = new Proxy(api.doc, {
      get: (target, property) =>
        property === 'send' ? (command: never) => (sent.push(command['input']), send(command)) : Reflect.get(target, property),
    });
    const db: Db = { doc, tableName: api.tableName };
    await Promise.all([getUser(db, ADMIN), countAdmins(db), listUsers(db)]);
    expect(sent.map((input) => input.ConsistentRead)).toEqual([true, true, true]);
    const promoted = { email: 'moi.quantri@thidua.local', displayName: 'Quản trị mới', role: 'admin' };
    await save('/users', { rows: [{ rowKey: '2', user: { ...promoted, role: 'viewer' } }] }, first);
    await save('/users', { rows: [{ rowKey: '2', version: 1, user: promoted }] }, first);
    expect((await api.request('GET', '/users', { token: await api.tokenFor(promoted.email) })).status).toBe(200);
  });
});
