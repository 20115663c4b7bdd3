import type { NomineeKind } from '#shared/campaign';
import type { IsoDate } from '#shared/dates';
import type { Person, Unit } from '#shared/org';
import { identityKey } from '#shared/text';
import type { RegisterEntry } from './entry';

export interface Registry {
  units: ReadonlyMap<string, Unit>;
  people: ReadonlyMap<string, Person>;
}

/** A unit typed in a sheet: its code, its name or its short name, NFC, case and spaces ignored. */
export function matchUnit(registry: Registry, typed: string): Unit | undefined {
  const key = identityKey(typed);
  for (const unit of registry.units.values()) {
    if (identityKey(unit.id) === key || identityKey(unit.name) === key || (unit.shortName && identityKey(unit.shortName) === key))
      return unit;
  }
  return undefined;
}

/**
 * The registry's person a history row names: the same name in the same unit, and the same birth date
 * when the row gives one. Two namesakes in one unit that the birth date does not tell apart match
 * nobody: the entry is then kept by name and unit, never given to the wrong person.
 */
export function matchPerson(registry: Registry, name: string, unitText: string, birthDate?: IsoDate): Person | undefined {
  const unit = matchUnit(registry, unitText);
  if (!unit) return undefined;
  const key = identityKey(name);
  const namesakes = [...registry.people.values()].filter((p) => p.unitId === unit.id && identityKey(p.fullName) === key);
  const candidates = birthDate ? namesakes.filter((p) => !p.birthDate || p.birthDate === birthDate) : namesakes;
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Whose history a lookup or a rule asks for: a registry person or unit, or a name as recorded. */
export interface Subject {
  kind: NomineeKind;
  name: string;
  /** The registry's id (a person's or a unit's), when the subject is one. */
  id?: string;
  /** For a person: the unit's id and name (an entry kept by name and unit is theirs when its unit is this one). */
  unitId?: string;
  unitName?: string;
  birthDate?: IsoDate;
}

/** The registry's person or unit as a subject. */
export function subjectOf(registry: Registry, kind: NomineeKind, id: string): Subject {
  if (kind === 'collective') {
    const unit = registry.units.get(id);
    return unit ? { kind, name: unit.name, id: unit.id, unitId: unit.id, unitName: unit.name } : { kind, name: id };
  }
  const person = registry.people.get(id);
  if (!person) return { kind, name: id };
  const unit = registry.units.get(person.unitId);
  return {
    kind,
    name: person.fullName,
    id: person.id,
    unitId: person.unitId,
    unitName: unit?.name ?? person.unitId,
    ...(person.birthDate ? { birthDate: person.birthDate } : {}),
  };
}

/**
 * The entries of a name's partition that are this subject's: those matched to it; those kept by name
 * whose unit is its unit (and whose birth date, when both are known, is its own); a namesake matched
 * to someone else is not theirs. A subject that is only a name (with a unit, or none) takes the entries
 * of that name (in that unit).
 */
export function entriesOfSubject(subject: Subject, entries: readonly RegisterEntry[]): RegisterEntry[] {
  const unitKey = subject.unitName ? identityKey(subject.unitName) : undefined;
  const sameUnit = (entry: RegisterEntry) =>
    (subject.unitId !== undefined && entry.unitId === subject.unitId) || (unitKey !== undefined && identityKey(entry.unitName) === unitKey);
  return entries.filter((entry) => {
    if (entry.nomineeKind !== subject.kind || identityKey(entry.name) !== identityKey(subject.name)) return false;
    const matchedId = subject.kind === 'collective' ? entry.unitId : entry.personId;
    if (subject.id && matchedId) return matchedId === subject.id;
    if (subject.kind === 'collective') return true;
    if (subject.birthDate && entry.birthDate && subject.birthDate !== entry.birthDate) return false;
    return unitKey === undefined && subject.unitId === undefined ? true : sameUnit(entry);
  });
}

export interface RegisterFilter {
  year?: number;
  /** An award form's code or name. */
  form?: string;
  /** The unit as recorded (code or name). */
  unit?: string;
}

/** The lookup's filters: by year, by award form (code or name), by the unit recorded. */
export function filterEntries(entries: readonly RegisterEntry[], filter: RegisterFilter, registry?: Registry): RegisterEntry[] {
  const form = filter.form ? identityKey(filter.form) : undefined;
  const unit = filter.unit ? registry && matchUnit(registry, filter.unit) : undefined;
  const unitKey = filter.unit ? identityKey(filter.unit) : undefined;
  return entries.filter(
    (entry) =>
      (filter.year === undefined || entry.year === filter.year) &&
      (form === undefined || identityKey(entry.awardForm ?? '') === form || identityKey(entry.awardFormName) === form) &&
      (unitKey === undefined ||
        identityKey(entry.unitName) === unitKey ||
        (unit !== undefined && (entry.unitId === unit.id || identityKey(entry.unitName) === identityKey(unit.name)))),
  );
}
