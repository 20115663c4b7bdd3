import type { NominationFields } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import { comparePersonNames, compareVietnamese } from '#shared/text';

/** One line of the Danh sách kèm theo: whom, where they work, for what. */
export interface AwardeeRow {
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

type Awarded = Pick<NominationFields, 'nomineeKind' | 'nomineeId' | 'unitId' | 'achievements'>;

/**
 * The awardees as the attached list names them, collectives first, then individuals: each group in
 * the registry's order of units, an individual by the Vietnamese order of given names. A nominee the
 * registry does not know keeps the name as typed (rule 2 flagged it before the vote).
 */
export function awardeeGroups(awarded: readonly Awarded[], units: readonly Unit[], people: readonly Person[]): AwardeeGroup[] {
  const unitOrder = new Map(units.map((unit, index) => [unit.id, index]));
  const unitName = (id: string) => units.find((unit) => unit.id === id)?.name ?? id;
  const byUnit = (a: Awarded, b: Awarded) => (unitOrder.get(a.unitId) ?? units.length) - (unitOrder.get(b.unitId) ?? units.length);

  const collectives = awarded
    .filter((n) => n.nomineeKind === 'collective')
    .sort((a, b) => byUnit(a, b) || compareVietnamese(unitName(a.nomineeId), unitName(b.nomineeId)))
    .map((n) => ({ name: unitName(n.nomineeId), position: '', achievement: n.achievements.trim() }));

  const person = (n: Awarded) => people.find((p) => p.id === n.nomineeId);
  const individuals = awarded
    .filter((n) => n.nomineeKind === 'individual')
    .map((n) => ({ n, who: person(n) }))
    .sort((a, b) => byUnit(a.n, b.n) || comparePersonNames(a.who?.fullName ?? a.n.nomineeId, b.who?.fullName ?? b.n.nomineeId))
    .map(({ n, who }) => ({
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
