import { mapLimit } from '#shared/async/map-limit';
import { nomineeKey } from '#shared/nomination';
import { Person, Unit, User } from '#shared/org';
import { batchGetAll } from './batch';
import type { Db } from './client';
import { writeGuarded, type GuardedWrite, type ReadAs } from './guarded-writes';
import { keys, withoutKeys } from './keys';
import { nominationsByNominee } from './nominee-index';
import { personItem } from './org-store';
import { queryAll, queryCount } from './query';
import { TABLE } from './table';

/**
 * What the org sheets' saves read and write: only the items a save touches (BatchGetItem by code, one
 * Query per unit whose staff a new name must be compared with), written with BatchWriteItem. The units
 * are read whole: an office has tens of them.
 */

export async function peopleByIds(db: Db, ids: readonly string[]): Promise<Map<string, Person>> {
  const items = await batchGetAll(db.doc, db.tableName, [...new Set(ids)].map(keys.person));
  return new Map(items.map((item) => Person.parse(withoutKeys(item))).map((person) => [person.id, person]));
}

export async function usersByEmails(db: Db, emails: readonly string[]): Promise<Map<string, User>> {
  const items = await batchGetAll(db.doc, db.tableName, [...new Set(emails.map((e) => e.toLowerCase()))].map(keys.user));
  return new Map(items.map((item) => User.parse(withoutKeys(item))).map((user) => [user.email.toLowerCase(), user]));
}

export async function listUnits({ doc, tableName }: Db): Promise<Unit[]> {
  const items = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.orgPartition, ':prefix': keys.unitPrefix },
  });
  return items.map((item) => Unit.parse(withoutKeys(item)));
}

function peopleOfUnit({ doc, tableName }: Db, unitId: string, limit?: number) {
  return queryAll(doc, {
    TableName: tableName,
    IndexName: TABLE.byNominee.indexName,
    KeyConditionExpression: `${TABLE.byNominee.partitionKey} = :pk AND begins_with(${TABLE.byNominee.sortKey}, :prefix)`,
    ExpressionAttributeValues: { ':pk': keys.peopleIndexPartition, ':prefix': keys.peopleOfUnitPrefix(unitId) },
    ...(limit ? { Limit: limit } : {}),
  });
}

/** The staff of these units by identity (their codes), from the keys-only index: one Query per unit. */
export async function identitiesOfUnits(db: Db, unitIds: readonly string[]): Promise<Map<string, string[]>> {
  const identities = new Map<string, string[]>();
  for (const items of await mapLimit(unitIds, 8, (unitId) => peopleOfUnit(db, unitId))) {
    for (const item of items) {
      const sortKey = String(item[TABLE.byNominee.sortKey]);
      const cut = sortKey.lastIndexOf('#');
      const identity = sortKey.slice(0, cut);
      identities.set(identity, [...(identities.get(identity) ?? []), sortKey.slice(cut + 1)]);
    }
  }
  return identities;
}

/** Which of these units have staff (one Query of one key each). */
export async function unitsWithPeople(db: Db, unitIds: readonly string[]): Promise<Set<string>> {
  const found = await mapLimit(unitIds, 8, async (unitId) => ((await peopleOfUnit(db, unitId, 1)).length > 0 ? unitId : undefined));
  return new Set(found.filter((id): id is string => id !== undefined));
}

async function campaignIds({ doc, tableName }: Db): Promise<string[]> {
  const items = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.campaignsPartition, ':prefix': keys.campaignPrefix },
    ProjectionExpression: 'SK',
  });
  return items.map((item) => String(item.SK).slice(keys.campaignPrefix.length));
}

/** Which of these nominees a live nomination (awarded ones included) names, in any campaign. */
export async function nominatedIn(db: Db, kind: 'individual' | 'collective', ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const nominees = ids.map((nomineeId) => ({ nomineeKind: kind, nomineeId }));
  const found = new Set<string>();
  for (const campaignId of await campaignIds(db)) {
    const byNominee = await nominationsByNominee(db, campaignId, nominees);
    for (const nominee of nominees) if (byNominee.has(nomineeKey(nominee))) found.add(nominee.nomineeId);
  }
  return found;
}

/**
 * A save's registry writes, each only over the version the save read (`read`, by code): the codes whose
 * record someone else changed or deleted meanwhile come back with their version now, nothing of them written.
 */
export async function writeRegistry(
  db: Db,
  write: { units?: Unit[]; people?: Person[]; deleteUnits?: string[]; deletePeople?: string[] },
  read: (id: string) => ReadAs,
): Promise<Map<string, number | undefined>> {
  const writes: Omit<GuardedWrite, 'read'>[] = [
    ...(write.units ?? []).map((unit) => ({ id: unit.id, key: keys.unit(unit.id), item: { ...keys.unit(unit.id), ...unit } })),
    ...(write.people ?? []).map((person) => ({ id: person.id, key: keys.person(person.id), item: personItem(person) })),
    ...(write.deleteUnits ?? []).map((id) => ({ id, key: keys.unit(id) })),
    ...(write.deletePeople ?? []).map((id) => ({ id, key: keys.person(id) })),
  ];
  return writeGuarded(db, writes, read);
}

export async function usersOfUnits({ doc, tableName }: Db, unitIds: readonly string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const items = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.usersPartition },
    ProjectionExpression: 'unitId',
  });
  return new Set(items.map((item) => String(item.unitId ?? '')).filter((id) => unitIds.includes(id)));
}

/** The admins stored now (consistent, like the role a request is allowed by: a promotion just saved counts). */
export function countAdmins({ doc, tableName }: Db): Promise<number> {
  return queryCount(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ConsistentRead: true,
    FilterExpression: '#role = :admin',
    ExpressionAttributeNames: { '#role': 'role' },
    ExpressionAttributeValues: { ':pk': keys.usersPartition, ':admin': 'admin' },
  });
}
