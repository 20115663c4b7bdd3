import { Id, Person, Unit } from '#shared/org';
import { batchGetAll } from './batch';
import type { Db } from './client';
import { keys, withoutKeys } from './keys';

/**
 * The registry's units and people of these ids, in BatchGets of 100: what a figure over some
 * nominations needs, never the whole registry. An id no entry could have (a name typed) is not asked.
 */
export async function getRegistryEntries(
  { doc, tableName }: Db,
  ids: { unitIds: readonly string[]; personIds: readonly string[] },
): Promise<{ units: Unit[]; people: Person[] }> {
  const valid = (id: string) => Id.safeParse(id).success;
  const items = await batchGetAll(doc, tableName, [
    ...ids.unitIds.filter(valid).map((id) => keys.unit(id)),
    ...ids.personIds.filter(valid).map((id) => keys.person(id)),
  ]);
  const units: Unit[] = [];
  const people: Person[] = [];
  for (const item of items) {
    if (String(item.SK).startsWith(keys.unitPrefix)) units.push(Unit.parse(withoutKeys(item)));
    else people.push(Person.parse(withoutKeys(item)));
  }
  return { units, people };
}
