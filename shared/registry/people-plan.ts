import type { OrgRowResult, PersonRow, RemovedResult } from '#shared/api/org-sheets';
import { personIdentity, type Person } from '#shared/org';
import { findings, keptReasons } from './findings';
import { planRows, rowResults, sameRecord, type RowPlan } from './row-plan';

export interface PeopleSaveInput {
  rows: readonly PersonRow[];
  /** The stored people the rows name by code. */
  stored: ReadonlyMap<string, Person>;
  unitIds: ReadonlySet<string>;
  /** The stored people of the units the new or renamed rows are in, by identity (personIdentity): their codes. */
  identities: ReadonlyMap<string, readonly string[]>;
  newId: () => string;
}

export interface PeopleSavePlan {
  results: OrgRowResult[];
  /** What to store, each with its new version. */
  writes: Person[];
}

/** The people a save touches whose identity is new or changed: their units' identities are read for duplicates. */
export function identityUnits(rows: readonly PersonRow[], stored: ReadonlyMap<string, Person>): string[] {
  const units = rows.filter((row) => {
    const before = row.person.id ? stored.get(row.person.id) : undefined;
    return !before || personIdentity(before) !== personIdentity(row.person);
  });
  return [...new Set(units.map((row) => row.person.unitId))];
}

/**
 * A save of the Cán bộ sheet, row by row: the code given twice, the stale version, the unknown unit,
 * and the likely duplicate (same name, unit and birth date as another person, stored or on an earlier
 * row): refused for a row without a code (a pasted list pasted twice must not double the staff), a
 * warning for a row whose code says it is meant to be its own person. Never merged.
 */
export function planPeopleSave(input: PeopleSaveInput): PeopleSavePlan {
  const rows = input.rows.map((row) => ({ rowKey: row.rowKey, version: row.version, record: row.person }));
  const plan: RowPlan<PersonRow['person']> = planRows(rows, input.stored, input.newId, sameRecord);
  const seen = new Map<string, { id: string; rowKey: string }>();
  const accepted: OrgRowResult[] = [];
  const writes: Person[] = [];
  for (const row of plan.accepted) {
    const person = row.record as Person;
    const typedCode = input.rows.find((r) => r.rowKey === row.rowKey)?.person.id !== undefined;
    const refuse = (finding: OrgRowResult['findings'][number]) =>
      accepted.push({ rowKey: row.rowKey, ...(typedCode ? { id: person.id } : {}), outcome: 'refused', findings: [finding] });
    if (!input.unitIds.has(person.unitId)) {
      refuse(findings.unknownUnit(person.unitId));
      continue;
    }
    const identity = personIdentity(person);
    const before = input.stored.get(person.id);
    const identityChanged = !before || personIdentity(before) !== identity;
    const earlier = seen.get(identity);
    const storedTwin = identityChanged ? input.identities.get(identity)?.find((id) => id !== person.id) : undefined;
    const twin = earlier ? earlier.id : storedTwin;
    if (twin && !typedCode) {
      refuse(findings.likelyDuplicateNew(twin, earlier?.rowKey));
      continue;
    }
    if (!earlier) seen.set(identity, { id: person.id, rowKey: row.rowKey });
    writes.push(person);
    accepted.push({
      rowKey: row.rowKey,
      id: person.id,
      outcome: 'saved',
      version: person.version!,
      findings: twin ? [findings.likelyDuplicate(twin)] : [],
    });
  }
  return { results: rowResults(input.rows, plan, accepted), writes };
}

/**
 * People removed from the sheet: deleted, unless nominations or awards name them, in any campaign;
 * then kept and marked as having left (so the lists, decisions and certificates that name them stay true).
 */
export function planPeopleRemoval(
  removed: readonly Person[],
  nominated: ReadonlySet<string>,
): { results: RemovedResult[]; deletes: string[]; writes: Person[] } {
  const results: RemovedResult[] = [];
  const deletes: string[] = [];
  const writes: Person[] = [];
  for (const person of removed) {
    if (!nominated.has(person.id)) {
      deletes.push(person.id);
      results.push({ id: person.id, outcome: 'deleted' });
    } else {
      if (!person.left) writes.push({ ...person, left: true, version: (person.version ?? 1) + 1 });
      results.push({ id: person.id, outcome: 'left', reason: keptReasons.personNominated });
    }
  }
  return { results, deletes, writes };
}
