import { PeopleQuery } from '#shared/api/org';
import { Person, Unit, User } from '#shared/org';
import { comparePersonNames, compareVietnamese } from '#shared/text';
import { currentUser } from '#functions/http/auth';
import { parseBody, parseQuery, pathParam } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { putOneUser } from '#functions/org/save-users';
import { ORG_SHEET_ROUTES } from '#functions/org/sheet-save';
import { CERTIFICATE_LAYOUT_ROUTES } from '#functions/org/certificate-layout';
import { orgActor, requireKnownUnit, samePathId } from '#functions/org/request';
import { db } from '#functions/store/client';
import { listUsers, loadRegistry, putPerson, putUnit } from '#functions/store/org-store';

export const handler = routeGroup({
  ...CERTIFICATE_LAYOUT_ROUTES,
  ...ORG_SHEET_ROUTES,
  'GET /me': async (event) => json(event, 200, await currentUser(event)),
  'GET /units': async (event) => {
    await orgActor(event, 'readRegistry');
    const { units } = await loadRegistry(db());
    return json(event, 200, { items: units.sort((a, b) => compareVietnamese(a.name, b.name)) });
  },
  'GET /people': async (event) => {
    await orgActor(event, 'readRegistry');
    const { unitId } = parseQuery(event, PeopleQuery);
    const { people } = await loadRegistry(db());
    const items = people.filter((p) => !unitId || p.unitId === unitId).sort((a, b) => comparePersonNames(a.fullName, b.fullName));
    return json(event, 200, { items });
  },
  'PUT /units/{unitId}': async (event) => {
    await orgActor(event, 'writeRegistry');
    const unit = parseBody(event, Unit);
    samePathId(pathParam(event, 'unitId'), unit.id, 'id');
    await putUnit(db(), unit);
    return json(event, 200, unit);
  },
  'PUT /people/{personId}': async (event) => {
    await orgActor(event, 'writeRegistry');
    const person = parseBody(event, Person);
    samePathId(pathParam(event, 'personId'), person.id, 'id');
    await requireKnownUnit(person.unitId);
    await putPerson(db(), person);
    return json(event, 200, person);
  },
  'GET /users': async (event) => {
    await orgActor(event, 'readUsers');
    return json(event, 200, { items: await listUsers(db()) });
  },
  'PUT /users/{email}': async (event) => {
    const actor = await orgActor(event, 'writeUsers');
    const user = parseBody(event, User);
    samePathId(pathParam(event, 'email'), user.email, 'email');
    if (user.unitId) await requireKnownUnit(user.unitId);
    const version = await putOneUser(db(), actor, user);
    return json(event, 200, { ...user, email: user.email.toLowerCase(), ...(version ? { version } : {}) });
  },
});
