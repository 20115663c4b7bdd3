import type { RegisterLookup, RegisterLookupQuery } from '#shared/api/register';
import type { Person, Unit, User } from '#shared/org';
import { refuseRegisterLookup } from '#shared/policy/register';
import { byDecisionDate } from '#shared/register/entry';
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
  const subject = await subjectFor(db, query);
  refuseIf(refuseRegisterLookup(user, subject.id ? subject.unitId : undefined), { kind: query.kind });
  const entries = entriesOfSubject(subject, await registerOfNames(db, [{ kind: subject.kind, name: subject.name }]));
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

async function subjectFor(db: Db, query: RegisterLookupQuery): Promise<Subject> {
  if (query.id) {
    const people = new Map<string, Person>();
    const units = new Map<string, Unit>();
    const person = query.kind === 'individual' ? (await peopleByIds(db, [query.id])).get(query.id) : undefined;
    const unitId = query.kind === 'individual' ? person?.unitId : query.id;
    if (person) people.set(person.id, person);
    const unit = unitId ? await getUnit(db, unitId) : undefined;
    if (unit) units.set(unit.id, unit);
    if (!person && !unit) throw new ApiError('NOT_FOUND', { kind: query.kind, id: query.id });
    return subjectOf({ units, people }, query.kind, query.id);
  }
  if (!query.name) throw new ApiError('REGISTER_SUBJECT_REQUIRED', {});
  // A name as recorded: its unit filter (if any) picks the namesake; without one, every entry of that name.
  return { kind: query.kind, name: query.name, ...(query.kind === 'individual' && query.unit ? { unitName: query.unit } : {}) };
}
