import type { NominationFields } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import { comparePersonNames, compareVietnamese } from '#shared/text';
import type { DocumentLine } from './register';

/** One line of the Danh sách kèm theo: whom, where they work, for what. */
export interface AwardeeRow {
  /** The nomination it stands for. */
  key: string;
  name: string;
  /** An individual's position and unit ("Chuyên viên, Phòng Kinh tế"); empty for a collective. */
  position: string;
  achievement: string;
}

export interface AwardeeGroup {
  /** "I. TẬP THỂ", "II. CÁ NHÂN". */
  heading: string;
  rows: AwardeeRow[];
}

type Awarded = Pick<NominationFields, 'nomineeKind' | 'nomineeId' | 'unitId' | 'achievements'> & { id: string };

/**
 * The awardees as the attached list names them, collectives first, then individuals: each group in
 * the registry's order of units, an individual by the Vietnamese order of given names. A nominee the
 * registry does not know keeps the name as typed (rule 2 flagged it before the vote).
 */
export function awardeeGroups(awarded: readonly Awarded[], units: readonly Unit[], people: readonly Person[]): AwardeeGroup[] {
  // Maps, not finds: a decision of a thousand awardees over a registry of thousands stays linear.
  const unitOrder = new Map(units.map((unit, index) => [unit.id, index]));
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const unitName = (id: string) => unitNames.get(id) ?? id;
  const byUnit = (a: Awarded, b: Awarded) => (unitOrder.get(a.unitId) ?? units.length) - (unitOrder.get(b.unitId) ?? units.length);

  const collectives = awarded
    .filter((n) => n.nomineeKind === 'collective')
    .sort((a, b) => byUnit(a, b) || compareVietnamese(unitName(a.nomineeId), unitName(b.nomineeId)))
    .map((n) => ({ key: n.id, name: unitName(n.nomineeId), position: '', achievement: n.achievements.trim() }));

  const person = (n: Awarded) => peopleById.get(n.nomineeId);
  const individuals = awarded
    .filter((n) => n.nomineeKind === 'individual')
    .map((n) => ({ n, who: person(n) }))
    .sort((a, b) => byUnit(a.n, b.n) || comparePersonNames(a.who?.fullName ?? a.n.nomineeId, b.who?.fullName ?? b.n.nomineeId))
    .map(({ n, who }) => ({
      key: n.id,
      name: who?.fullName ?? n.nomineeId,
      position: [who?.title, unitName(who?.unitId ?? n.unitId)].filter(Boolean).join(', '),
      achievement: n.achievements.trim(),
    }));

  const groups: AwardeeGroup[] = [];
  if (collectives.length) groups.push({ heading: 'TẬP THỂ', rows: collectives });
  if (individuals.length) groups.push({ heading: 'CÁ NHÂN', rows: individuals });
  const numerals = ['I', 'II'];
  return groups.map((group, i) => ({ ...group, heading: `${numerals[i]}. ${group.heading}` }));
}

/** "01 tập thể và 02 cá nhân": counts as the decision writes them, with a leading zero below 10. */
export function awardeeCount(groups: readonly AwardeeGroup[]): string {
  const count = (n: number) => (n < 10 ? `0${n}` : String(n));
  const of = (suffix: string) => groups.find((g) => g.heading.endsWith(suffix))?.rows.length ?? 0;
  const said = [
    [of('TẬP THỂ'), 'tập thể'],
    [of('CÁ NHÂN'), 'cá nhân'],
  ] as const;
  return said
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${count(n)} ${what}`)
    .join(' và ');
}

/** The list's lines as the register fingerprints them: each awardee's whole row. */
export function listLines(groups: readonly AwardeeGroup[]): DocumentLine[] {
  return groups.flatMap((group) =>
    group.rows.map((row) => ({ key: row.key, name: row.name, text: `${row.name}\t${row.position}\t${row.achievement}` })),
  );
}

/** A nomination's nominee by name, for a line that left a document's list. */
export function nomineeNames(
  nominations: readonly Pick<Awarded, 'id' | 'nomineeKind' | 'nomineeId'>[],
  units: readonly Unit[],
  people: readonly Person[],
): (id: string) => string | undefined {
  const names = new Map<string, string>([...units.map((u) => [u.id, u.name] as const), ...people.map((p) => [p.id, p.fullName] as const)]);
  const byId = new Map(nominations.map((n) => [n.id, names.get(n.nomineeId) ?? n.nomineeId]));
  return (id) => byId.get(id);
}
