import { ListQuery, VersionQuery } from '#shared/api/nomination';
import { IdempotencyKey, SaveBatchRequest } from '#shared/api/save';
import { mayRead, mayWriteNominations } from '#shared/permissions';
import { currentUser } from '#functions/http/auth';
import { ApiError } from '#functions/http/errors';
import { header, parseBody, parseQuery, pathParam, rawBody } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { deleteNomination, restoreNomination } from '#functions/nominations/delete';
import { saveBatch } from '#functions/nominations/save';
import { getCampaign } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';
import { once } from '#functions/store/idempotency-store';
import { listNominationPage } from '#functions/store/nomination-reads';

export const handler = routeGroup({
  /** A page of the campaign's nominations; a unit clerk gets only the unit's own. */
  'GET /campaigns/{campaignId}/nominations': async (event) => {
    const user = await currentUser(event);
    const query = parseQuery(event, ListQuery);
    const campaign = await getCampaign(db(), pathParam(event, 'campaignId'));
    if (user.role === 'unit' && query.unitId && query.unitId !== user.unitId) throw new ApiError('FORBIDDEN_UNIT');
    const page = await listNominationPage(db(), campaign.id, {
      limit: query.limit,
      includeDeleted: query.includeDeleted === 'true' && user.role !== 'unit',
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    const items = page.items.filter(
      (n) => mayRead(user, n) && (!query.unitId || n.unitId === query.unitId) && (!query.status || n.status === query.status),
    );
    return json(event, 200, { items, nextCursor: page.nextCursor ?? null });
  },

  /** Validation on save: only changed rows, each with the version it last saw; retried safely by key. */
  'POST /campaigns/{campaignId}/nominations/batch': async (event) => {
    const request = parseBody(event, SaveBatchRequest);
    const [user, campaign] = await Promise.all([currentUser(event), getCampaign(db(), pathParam(event, 'campaignId'))]);
    if (!mayWriteNominations(user)) throw new ApiError('FORBIDDEN');
    const run = async () => ({ statusCode: 200, body: await saveBatch(db(), campaign, user, request, event.requestContext.requestId) });
    const key = header(event, 'idempotency-key');
    if (key === undefined) {
      const answer = await run();
      return json(event, answer.statusCode, answer.body);
    }
    if (!IdempotencyKey.safeParse(key).success)
      throw new ApiError('VALIDATION_FAILED', [{ path: 'Idempotency-Key', message: '8–128 characters: letters, digits, _ . : -' }]);
    const answer = await once(db(), user.email, `${campaign.id}#${key}`, rawBody(event), run);
    return json(event, answer.statusCode, answer.body, { 'idempotency-key': key });
  },

  'DELETE /campaigns/{campaignId}/nominations/{nominationId}': async (event) => {
    const user = await currentUser(event);
    const { version } = parseQuery(event, VersionQuery);
    const campaign = await getCampaign(db(), pathParam(event, 'campaignId'));
    const deleted = await deleteNomination(db(), campaign, user, pathParam(event, 'nominationId'), version, event.requestContext.requestId);
    return json(event, 200, deleted);
  },

  'POST /campaigns/{campaignId}/nominations/{nominationId}/restore': async (event) => {
    const user = await currentUser(event);
    const { version } = parseQuery(event, VersionQuery);
    const campaign = await getCampaign(db(), pathParam(event, 'campaignId'));
    const restored = await restoreNomination(
      db(),
      campaign,
      user,
      pathParam(event, 'nominationId'),
      version,
      event.requestContext.requestId,
    );
    return json(event, 200, restored);
  },
});
