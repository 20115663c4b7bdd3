import { z } from 'zod';
import { Person, Unit, User } from '#shared/org';
import { page } from './page';

/** GET /me: the signed-in user, with the role and unit the product knows them by. */
export const Me = User;

export const UnitPage = page(Unit);
export const PersonPage = page(Person);
export const UserPage = page(User);

/** GET /people: optionally one unit's staff. */
export const PeopleQuery = z.object({ unitId: z.string().max(64).optional() });
