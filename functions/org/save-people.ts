import type { z } from 'zod';
import { summarize, type OrgSheetResult, PersonSheetSave } from '#shared/api/org-sheets';
import { identityUnits, planPeopleRemoval, planPeopleSave } from '#shared/registry/people-plan';
import { withConflicts } from '#shared/registry/row-plan';
import type { Db } from '#functions/store/client';
import { identitiesOfUnits, listUnits, nominatedIn, peopleByIds, writeRegistry } from '#functions/store/org-sheet-store';
import { newCode } from './new-code';
import { readAs } from './read-as';

type Request = z.infer<typeof PersonSheetSave>;

/**
 * PUT /people: the Cán bộ sheet's changed rows and the codes removed from it. Reads what the rows touch
 * (the people by code, the units, the staff of the units a new name joins, the nominations of those
 * removed), checks every row (shared/registry/people-plan.ts), then writes each record over the version
 * read (a row someone else saved meanwhile is refused, not overwritten): the requests grow with the
 * rows changed, not with the registry.
 */
export async function savePeople(db: Db, request: Request): Promise<OrgSheetResult> {
  const ids = request.rows.flatMap((row) => (row.person.id ? [row.person.id] : []));
  // A code both on a row and removed is a row: one write per record.
  const { rows } = request;
  const rowIds = new Set(ids);
  const removed = request.removed.filter((id) => !rowIds.has(id));
  const [stored, units] = await Promise.all([peopleByIds(db, [...ids, ...removed]), listUnits(db)]);
  const identities = await identitiesOfUnits(db, identityUnits(rows, stored));
  const plan = planPeopleSave({ rows, stored, unitIds: new Set(units.map((unit) => unit.id)), identities, newId: newCode('cb') });

  const removedPeople = removed.flatMap((id) => stored.get(id) ?? []);
  const nominated = await nominatedIn(
    db,
    'individual',
    removedPeople.map((person) => person.id),
  );
  const removal = planPeopleRemoval(removedPeople, nominated);
  const conflicts = await writeRegistry(
    db,
    { people: [...plan.writes, ...removal.writes], deletePeople: removal.deletes },
    readAs(stored, ids),
  );
  const answer = withConflicts(plan.results, removal.results, conflicts);
  return summarize(answer.results, answer.removed);
}
