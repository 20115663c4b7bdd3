import type { NominationFields } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import { compareVietnamese, givenName, toNfc } from '#shared/text';
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

export interface AwardeeGroup<Row extends AwardeeRow = AwardeeRow> {
  /** "I. TẬP THỂ", "II. CÁ NHÂN". */
  heading: string;
  rows: Row[];
}

type Listed = Pick<NominationFields, 'nomineeKind' | 'nomineeId' | 'unitId' | 'achievements'> & { id: string };

/** A nomination as a list names it, beside the nomination itself (for what a document adds to its line). */
export interface NomineeLine<N extends Listed> extends AwardeeRow {
  nomination: N;
}

/**
 * The nominees as a list names them, collectives first, then individuals: each kind in the registry's
 * order of units, an individual by the Vietnamese order of given names. A nominee the registry does
 * not know keeps the name as typed (rule 2 flagged it before the vote). The registry is looked up
 * through maps: a list of thousands costs no more than sorting it.
 */
export function nomineeLines<N extends Listed>(
  listed: readonly N[],
  units: readonly Unit[],
  people: readonly Person[],
): { collectives: NomineeLine<N>[]; individuals: NomineeLine<N>[] } {
  const unitOrder = new Map(units.map((unit, index) => [unit.id, index]));
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const peopleById = new Map(people.map((person) => [person.id, person]));
  const unitName = (id: string) => toNfc(unitNames.get(id) ?? id);
  const orderOf = (n: N) => unitOrder.get(n.unitId) ?? units.length;
  const line = (nomination: N, name: string, position: string): NomineeLine<N> => ({
    nomination,
    key: nomination.id,
    name: toNfc(name),
    position,
    achievement: toNfc(nomination.achievements.trim()),
  });

  // Each line's sort keys once, not in each of the sort's comparisons (comparePersonNames' order).
  const sorted = (lines: NomineeLine<N>[], given: (name: string) => string) =>
    lines
      .map((l) => ({ line: l, order: orderOf(l.nomination), given: given(l.name) }))
      .sort((a, b) => a.order - b.order || compareVietnamese(a.given, b.given) || compareVietnamese(a.line.name, b.line.name))
      .map((keyed) => keyed.line);

  const collectives = listed.filter((n) => n.nomineeKind === 'collective').map((n) => line(n, unitName(n.nomineeId), ''));
  const individuals = listed
    .filter((n) => n.nomineeKind === 'individual')
    .map((n) => {
      const who = peopleById.get(n.nomineeId);
      return line(n, who?.fullName ?? n.nomineeId, [who?.title, unitName(who?.unitId ?? n.unitId)].filter(Boolean).join(', '));
    });
  return { collectives: sorted(collectives, () => ''), individuals: sorted(individuals, givenName) };
}

/** Groups headed "I. TẬP THỂ", "II. CÁ NHÂN" (as many as have rows), each row made by `row`. */
export function kindGroups<N extends Listed, Row extends AwardeeRow>(
  lines: { collectives: NomineeLine<N>[]; individuals: NomineeLine<N>[] },
  row: (line: NomineeLine<N>) => Row,
  headings: readonly [string, string] = ['TẬP THỂ', 'CÁ NHÂN'],
  numerals: readonly string[] = ['I', 'II'],
): AwardeeGroup<Row>[] {
  const groups = [
    { heading: headings[0], rows: lines.collectives.map(row) },
    { heading: headings[1], rows: lines.individuals.map(row) },
  ].filter((group) => group.rows.length > 0);
  return groups.map((group, i) => ({ ...group, heading: `${numerals[i]}. ${group.heading}` }));
}

/** The awardees as the attached list names them (see nomineeLines). */
export function awardeeGroups(awarded: readonly Listed[], units: readonly Unit[], people: readonly Person[]): AwardeeGroup[] {
  return kindGroups(nomineeLines(awarded, units, people), ({ key, name, position, achievement }) => ({ key, name, position, achievement }));
}

/** A count as a document writes it: a leading zero below 10 ("01", "12"). */
export function countOf(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "01 tập thể và 02 cá nhân": counts as the documents write them. */
export function kindCount(collectives: number, individuals: number): string {
  const said = [
    [collectives, 'tập thể'],
    [individuals, 'cá nhân'],
  ] as const;
  return said
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${countOf(n)} ${what}`)
    .join(' và ');
}

/** The decision's count, from its groups. */
export function awardeeCount(groups: readonly AwardeeGroup[]): string {
  const of = (suffix: string) => groups.find((g) => g.heading.endsWith(suffix))?.rows.length ?? 0;
  return kindCount(of('TẬP THỂ'), of('CÁ NHÂN'));
}

/** The list's lines as the register fingerprints them: each row whole (the decision's columns, or what `text` says of a row). */
export function listLines<Row extends AwardeeRow>(
  groups: readonly AwardeeGroup<Row>[],
  text: (row: Row) => string = (row) => `${row.name}\t${row.position}\t${row.achievement}`,
): DocumentLine[] {
  return groups.flatMap((group) => group.rows.map((row) => ({ key: row.key, name: row.name, text: text(row) })));
}

/** A nomination's nominee by name, for a line that left a document's list. */
export function nomineeNames(
  nominations: readonly Pick<Listed, 'id' | 'nomineeKind' | 'nomineeId'>[],
  units: readonly Unit[],
  people: readonly Person[],
): (id: string) => string | undefined {
  const names = new Map<string, string>([...units.map((u) => [u.id, u.name] as const), ...people.map((p) => [p.id, p.fullName] as const)]);
  const byId = new Map(nominations.map((n) => [n.id, names.get(n.nomineeId) ?? n.nomineeId]));
  return (id) => byId.get(id);
}
