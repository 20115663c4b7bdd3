import type { OrgRowResult, RemovedResult, UnitRow } from '#shared/api/org-sheets';
import type { Unit } from '#shared/org';
import { findings, keptReasons } from './findings';
import { planRows, rowResults, sameRecord } from './row-plan';

export interface UnitsSavePlan {
  results: OrgRowResult[];
  writes: Unit[];
}

/** Walks up from a unit: true when the parents lead back to it. */
function inCycle(id: string, parentOf: ReadonlyMap<string, string | undefined>): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = parentOf.get(id); at !== undefined; at = parentOf.get(at)) {
    if (at === id || seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/**
 * A save of the Đơn vị sheet. Units are few (tens): the save reads them all, and checks each row's
 * parent against the units as they will be (stored, this save's, less those removed), loops included.
 */
export function planUnitsSave(
  rows: readonly UnitRow[],
  units: readonly Unit[],
  removed: readonly string[],
  newId: () => string,
): UnitsSavePlan {
  const stored = new Map(units.map((unit) => [unit.id, unit]));
  const plan = planRows(
    rows.map((row) => ({ rowKey: row.rowKey, version: row.version, record: row.unit })),
    stored,
    newId,
    sameRecord,
  );
  const after = new Map<string, string | undefined>(units.filter((u) => !removed.includes(u.id)).map((u) => [u.id, u.parentId]));
  for (const row of plan.accepted) after.set(row.record.id, row.record.parentId);
  const accepted: OrgRowResult[] = [];
  const writes: Unit[] = [];
  for (const row of plan.accepted) {
    const unit = row.record as Unit;
    const finding =
      unit.parentId !== undefined && !after.has(unit.parentId)
        ? findings.unknownParent(unit.parentId)
        : inCycle(unit.id, after)
          ? findings.parentCycle()
          : undefined;
    if (finding) {
      accepted.push({
        rowKey: row.rowKey,
        ...(rows.find((r) => r.rowKey === row.rowKey)?.unit.id ? { id: unit.id } : {}),
        outcome: 'refused',
        findings: [finding],
      });
      continue;
    }
    writes.push(unit);
    accepted.push({ rowKey: row.rowKey, id: unit.id, outcome: 'saved', version: unit.version!, findings: [] });
  }
  return { results: rowResults(rows, plan, accepted), writes };
}

export interface UnitUse {
  people: ReadonlySet<string>;
  nominations: ReadonlySet<string>;
  users: ReadonlySet<string>;
}

/** Units removed from the sheet: deleted unless staff, units under it, nominations or users name them (then kept, saying why). */
export function planUnitsRemoval(
  removed: readonly string[],
  units: readonly Unit[],
  use: UnitUse,
  parentsAfter: ReadonlyMap<string, string | undefined>,
): { results: RemovedResult[]; deletes: string[] } {
  const results: RemovedResult[] = [];
  const deletes: string[] = [];
  const stored = new Set(units.map((unit) => unit.id));
  for (const id of removed) {
    if (!stored.has(id)) continue;
    const what = {
      people: use.people.has(id),
      units: [...parentsAfter].some(([child, parent]) => parent === id && !removed.includes(child)),
      nominations: use.nominations.has(id),
      users: use.users.has(id),
    };
    if (Object.values(what).some(Boolean)) results.push({ id, outcome: 'kept', reason: keptReasons.unitInUse(what) });
    else {
      deletes.push(id);
      results.push({ id, outcome: 'deleted' });
    }
  }
  return { results, deletes };
}
