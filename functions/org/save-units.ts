import type { z } from 'zod';
import { summarize, type OrgSheetResult, UnitSheetSave } from '#shared/api/org-sheets';
import { withConflicts } from '#shared/registry/row-plan';
import { planUnitsRemoval, planUnitsSave } from '#shared/registry/units-plan';
import type { Db } from '#functions/store/client';
import { listUnits, nominatedIn, unitsWithPeople, usersOfUnits, writeRegistry } from '#functions/store/org-sheet-store';
import { newCode } from './new-code';
import { readAs } from './read-as';

type Request = z.infer<typeof UnitSheetSave>;

/**
 * PUT /units: the Đơn vị sheet's changed rows and removed codes. The units are read whole (tens); a unit
 * removed is looked up in the staff index, the users and the nominations before it is deleted. Each
 * unit is written over the version read, as the staff are (functions/store/guarded-writes.ts).
 */
export async function saveUnits(db: Db, request: Request): Promise<OrgSheetResult> {
  const units = await listUnits(db);
  const known = new Set(units.map((unit) => unit.id));
  const typed = new Set(request.rows.flatMap((row) => (row.unit.id ? [row.unit.id] : [])));
  // A code both on a row and removed is a row: one write per record.
  const removed = request.removed.filter((id) => known.has(id) && !typed.has(id));
  const plan = planUnitsSave(request.rows, units, removed, newCode('dv'));
  const [people, nominations, users] = await Promise.all([
    unitsWithPeople(db, removed),
    nominatedIn(db, 'collective', removed),
    usersOfUnits(db, removed),
  ]);
  const parentsAfter = new Map<string, string | undefined>(units.map((unit) => [unit.id, unit.parentId]));
  for (const unit of plan.writes) parentsAfter.set(unit.id, unit.parentId);
  const removal = planUnitsRemoval(removed, units, { people, nominations, users }, parentsAfter);
  const stored = new Map(units.map((unit) => [unit.id, unit]));
  const conflicts = await writeRegistry(db, { units: plan.writes, deleteUnits: removal.deletes }, readAs(stored, typed));
  const answer = withConflicts(plan.results, removal.results, conflicts);
  return summarize(answer.results, answer.removed);
}
