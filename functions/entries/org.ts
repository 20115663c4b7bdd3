import { PeopleQuery } from '#shared/api/org';
import { Person, Unit, User } from '#shared/org';
import { comparePersonNames, compareVietnamese } from '#shared/text';
import { currentUser, requireRole } from '#functions/http/auth';
import { ApiError } from '#functions/http/errors';
import { parseBody, parseQuery, pathParam } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { db } from '#functions/store/client';
import { listUsers, loadRegistry, putPerson, putUnit, putUser } from '#functions/store/org-store';

function samePathId(pathId: string, bodyId: string, field: string) {
  if (pathId.toLowerCase() !== bodyId.toLowerCase()) {
    throw new ApiError('VALIDATION_FAILED', [{ path: field, message: 'must match the path' }]);
  }
}

export const handler = routeGroup({
  'GET /me': async (event) => json(event, 200, await currentUser(event)),

  'GET /units': async (event) => {
    await currentUser(event);
    const { units } = await loadRegistry(db());
    return json(event, 200, { items: units.sort((a, b) => compareVietnamese(a.name, b.name)) });
  },

  'GET /people': async (event) => {
    await currentUser(event);
    const { unitId } = parseQuery(event, PeopleQuery);
    const { people } = await loadRegistry(db());
    const items = people.filter((p) => !unitId || p.unitId === unitId).sort((a, b) => comparePersonNames(a.fullName, b.fullName));
    return json(event, 200, { items });
  },

  'PUT /units/{unitId}': async (event) => {
    requireRole(await currentUser(event), 'admin');
    const unit = parseBody(event, Unit);
    samePathId(pathParam(event, 'unitId'), unit.id, 'id');
    await putUnit(db(), unit);
    return json(event, 200, unit);
  },

  'PUT /people/{personId}': async (event) => {
    requireRole(await currentUser(event), 'admin');
    const person = parseBody(event, Person);
    samePathId(pathParam(event, 'personId'), person.id, 'id');
    const { units } = await loadRegistry(db());
    if (!units.some((unit) => unit.id === person.unitId)) {
      throw new ApiError('VALIDATION_FAILED', [{ path: 'unitId', message: `unknown unit ${person.unitId}` }]);
    }
    await putPerson(db(), person);
    return json(event, 200, person);
  },

  'GET /users': async (event) => {
    requireRole(await currentUser(event), 'admin');
    return json(event, 200, { items: await listUsers(db()) });
  },

  'PUT /users/{email}': async (event) => {
    requireRole(await currentUser(event), 'admin');
    const user = parseBody(event, User);
    samePathId(pathParam(event, 'email'), user.email, 'email');
    if (user.unitId) {
      const { units } = await loadRegistry(db());
      if (!units.some((unit) => unit.id === user.unitId)) {
        throw new ApiError('VALIDATION_FAILED', [{ path: 'unitId', message: `unknown unit ${user.unitId}` }]);
      }
    }
    await putUser(db(), user);
    return json(event, 200, { ...user, email: user.email.toLowerCase() });
  },
});
