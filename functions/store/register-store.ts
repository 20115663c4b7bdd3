import { mapLimit } from '#shared/async/map-limit';
import { RegisterEntry, registerEntryKey, registerSubject } from '#shared/register/entry';
import type { NomineeKind } from '#shared/campaign';
import { batchGetAll, batchPutAll } from './batch';
import type { Db } from './client';
import { keys, withoutKeys } from './keys';
import { queryAll } from './query';

/** The award register (sổ khen thưởng): each entry in its nominee's partition, by its natural key. */
function entryKey(entry: Pick<RegisterEntry, 'nomineeKind' | 'name' | 'id'>) {
  return keys.award(registerSubject(entry.nomineeKind, entry.name), entry.id);
}

function entryOf(item: Record<string, unknown>): RegisterEntry {
  return RegisterEntry.parse(withoutKeys(item));
}

/** Written (or written again: the key is the award's, so a retry or a second import is the same item) in batches of 25. */
export async function putRegisterEntries(db: Db, entries: readonly RegisterEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const named = new Set(entries.map((entry) => registerSubject(entry.nomineeKind, entry.name)));
  await batchPutAll(db.doc, db.tableName, [
    ...entries.map((entry) => ({ ...entryKey(entry), ...entry })),
    ...[...named].map((subject) => keys.awardsNamed(subject)),
  ]);
}

/** The entries already stored under these entries' keys (BatchGet, 100 keys a request), by registerEntryKey. */
export async function storedRegisterEntries(db: Db, entries: readonly RegisterEntry[]): Promise<Map<string, RegisterEntry>> {
  if (entries.length === 0) return new Map();
  const found = await batchGetAll(db.doc, db.tableName, [...new Map(entries.map((e) => [registerEntryKey(e), entryKey(e)])).values()]);
  return new Map(found.map((item) => entryOf(item)).map((entry) => [registerEntryKey(entry), entry]));
}

/**
 * Every entry recorded under each of these names (one Query per distinct nominee name, eight at a time):
 * what one history, or one save's nominees, reads. Never the whole register.
 */
export async function registerOfNames(db: Db, subjects: readonly { kind: NomineeKind; name: string }[]): Promise<RegisterEntry[]> {
  const partitions = [...new Set(subjects.map((s) => keys.awardsPartition(registerSubject(s.kind, s.name))))];
  const pages = await mapLimit(partitions, 8, (partition) =>
    queryAll(db.doc, {
      TableName: db.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entry)',
      ExpressionAttributeValues: { ':pk': partition, ':entry': keys.awardPrefix },
    }),
  );
  return pages.flat().map(entryOf);
}

/**
 * The entries under a save's nominees' names: the names' markers first (BatchGet, 100 a request), then one
 * Query per name that has any, so a save of 10,000 rows whose nominees were never awarded makes 100
 * requests here, not 10,000.
 */
export async function registerOfNominees(db: Db, subjects: readonly { kind: NomineeKind; name: string }[]): Promise<RegisterEntry[]> {
  const bySubject = new Map(subjects.map((s) => [registerSubject(s.kind, s.name), s]));
  if (bySubject.size === 0) return [];
  const markers = await batchGetAll(
    db.doc,
    db.tableName,
    [...bySubject.keys()].map((subject) => keys.awardsNamed(subject)),
  );
  const named = new Set(markers.map((item) => String(item.PK)));
  return registerOfNames(
    db,
    [...bySubject].filter(([subject]) => named.has(keys.awardsPartition(subject))).map(([, s]) => s),
  );
}
