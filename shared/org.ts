import { z } from 'zod';
import { IsoDate } from '#shared/dates';
import { identityKey } from '#shared/text';

export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'id: letters, digits, _ . - (max 64)');

/** A unit (phòng, ban, đơn vị trực thuộc) of the office: the collectives that may be nominated. */
export const Unit = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  shortName: z.string().max(40).optional(),
  /** The HR office that consolidates the nominations (Phòng Hành chính tổ chức – Quản trị tài vụ). */
  isHrOffice: z.boolean().default(false),
  /** Rule 9 applies to collectives too: a unit under investigation is not rewarded. */
  underDiscipline: z.boolean().default(false),
  /** The unit it belongs to (a team within a centre); none for the office's own units. */
  parentId: Id.optional(),
  /** Counted by the org sheets' saves: a row saved over a version someone else changed is refused. */
  version: z.int().positive().optional(),
});
export type Unit = z.infer<typeof Unit>;

/** A staff member (cán bộ, công chức, viên chức, người lao động): the individuals that may be nominated. */
export const Person = z.strictObject({
  id: Id,
  fullName: z.string().min(1).max(120),
  unitId: Id,
  title: z.string().max(120).optional(),
  gender: z.enum(['female', 'male']).optional(),
  /** Rule 9: under discipline, under investigation or with an unresolved complaint. */
  underDiscipline: z.boolean().default(false),
  disciplineNote: z.string().max(500).optional(),
  /** Which of rule 9's three, when known (items stored before it have only the flag). */
  disciplineKind: z.enum(['discipline', 'investigation', 'complaint']).optional(),
  disciplineFrom: IsoDate.optional(),
  disciplineTo: IsoDate.optional(),
  /** Optional: a likely duplicate is the same name, unit and birth date. */
  birthDate: IsoDate.optional(),
  /** Đã nghỉ: kept because nominations or awards name them, no longer on the staff. */
  left: z.boolean().optional(),
  version: z.int().positive().optional(),
});
export type Person = z.infer<typeof Person>;
export type DisciplineKind = NonNullable<Person['disciplineKind']>;

/**
 * What makes two staff entries likely the same person: the name as an identity (NFC, case and spaces
 * ignored), the unit and the birth date (blank when unknown). Reported, never merged.
 */
export function personIdentity(person: Pick<Person, 'fullName' | 'unitId' | 'birthDate'>): string {
  return `${person.unitId}#${encodeURIComponent(identityKey(person.fullName))}#${person.birthDate ?? ''}`;
}

export const Role = z.enum(['admin', 'hr', 'unit', 'secretary', 'viewer']);
export type Role = z.infer<typeof Role>;

/** A user as typed: the unit role's need of a unit is checked row by row (shared/policy/org.ts). */
export const UserFields = z.strictObject({
  email: z.email().max(254),
  displayName: z.string().min(1).max(120),
  role: Role,
  unitId: Id.optional(),
});
export type UserFields = z.infer<typeof UserFields>;

/**
 * A user of the product, stored under their e-mail; a unit user is bound to one unit. The version is
 * counted by the Người dùng sheet's saves, as units' and staff's are (absent on users stored before it).
 */
export const User = UserFields.extend({ version: z.int().positive().optional() }).refine(
  (user) => user.role !== 'unit' || user.unitId !== undefined,
  {
    message: 'a unit user needs a unitId',
    path: ['unitId'],
  },
);
export type User = z.infer<typeof User>;
