import type { RegisterLookup, RegisterLookupQuery } from '#shared/api/register';
import type { Person, Unit, User } from '#shared/org';
import { refuseRegisterLookup } from '#shared/policy/register';
import { byDecisionDate, type RegisterEntry } from '#shared/register/entry';
import { entriesOfSubject, filterEntries, subjectOf, type Subject } from '#shared/register/match';
import { refuseIf } from '#functions/http/auth';
import { ApiError } from '#functions/http/errors';
import type { Db } from '#functions/store/client';
import { peopleByIds } from '#functions/store/org-sheet-store';
import { getUnit } from '#functions/store/org-store';
import { registerOfNames } from '#functions/store/register-store';

/**
 * A person's or a unit's history across campaigns and years. Its cost is the registry's person and
 * unit (a read each) and one Query of the name's partition: it never grows with the register.
 */
export async function lookupRegister(db: Db, user: User, query: RegisterLookupQuery): Promise<RegisterLookup> {
  // The name's partition is read while the person's unit is: two round trips after the user's, whatever the register.
  const { subject, recorded } = await subjectAndEntries(db, query);
  refuseIf(refuseRegisterLookup(user, subject.id ? subject.unitId : undefined), { kind: query.kind });
  const entries = entriesOfSubject(subject, recorded);
  const filtered = filterEntries(entries, { year: query.year, form: query.form, unit: query.unit });
  return {
    subject: {
      kind: subject.kind,
      name: subject.name,
      ...(subject.unitName && subject.kind === 'individual' ? { unitName: subject.unitName } : {}),
      ...(subject.id ? { id: subject.id } : {}),
    },
    entries: filtered.sort(byDecisionDate),
  };
}

const entriesOf = (db: Db, kind: Subject['kind'], name: string) => registerOfNames(db, [{ kind, name }]);

async function subjectAndEntries(db: Db, query: RegisterLookupQuery): Promise<{ subject: Subject; recorded: RegisterEntry[] }> {
  if (query.id) {
    const people = new Map<string, Person>();
    const units = new Map<string, Unit>();
    const person = query.kind === 'individual' ? (await peopleByIds(db, [query.id])).get(query.id) : undefined;
    const unitId = query.kind === 'individual' ? person?.unitId : query.id;
    const [unit, recorded] = await Promise.all([
      unitId ? getUnit(db, unitId) : undefined,
      // A person's name is known once read; a unit's only with the unit, so its partition waits for it.
      person ? entriesOf(db, 'individual', person.fullName) : undefined,
    ]);
    if (person) people.set(person.id, person);
    if (unit) units.set(unit.id, unit);
    if (!person && !unit) throw new ApiError('NOT_FOUND', { kind: query.kind, id: query.id });
    const subject = subjectOf({ units, people }, query.kind, query.id);
    return { subject, recorded: recorded ?? (await entriesOf(db, subject.kind, subject.name)) };
  }
  if (!query.name) throw new ApiError('REGISTER_SUBJECT_REQUIRED', {});
  // A name as recorded: its unit filter (if any) picks the namesake; without one, every entry of that name.
  const subject: Subject = {
    kind: query.kind,
    name: query.name,
    ...(query.kind === 'individual' && query.unit ? { unitName: query.unit } : {}),
  };
  return { subject, recorded: await entriesOf(db, subject.kind, subject.name) };
}
