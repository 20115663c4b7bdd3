import { ListQuery, VersionQuery } from '#shared/api/nomination';
import { SaveBatchRequest } from '#shared/api/save';
import { listed, mayListDeleted, refuseListing, refuseWriting } from '#shared/policy/nominations';
import { campaignOf } from '#functions/http/campaign';
import { allowedUser, currentUser, refuseIf } from '#functions/http/auth';
import { refuseUnlessStageAllows } from '#functions/http/stage';
import { idempotent } from '#functions/http/idempotent';
import { parseBody, parseQuery, pathParam } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import type { ApiEvent } from '#functions/http/types';
import { deleteNomination, restoreNomination } from '#functions/nominations/delete';
import { saveBatch } from '#functions/nominations/save';
import { recordSave } from '#functions/nominations/save-metrics';
import { db } from '#functions/store/client';
import { withStoredFileCounts } from '#functions/store/file-store';
import { listNominationPage } from '#functions/store/nomination-reads';

/** Delete and restore take the same request: the nomination, and the version its client last saw. */
async function deleteOrRestore(event: ApiEvent, act: typeof deleteNomination) {
  const user = await currentUser(event);
  const { version } = parseQuery(event, VersionQuery);
  const campaign = await campaignOf(event);
  await refuseUnlessStageAllows(user, campaign, 'saveNominations');
  return json(event, 200, await act(db(), campaign, user, pathParam(event, 'nominationId'), version, event.requestContext.requestId));
}

export const handler = routeGroup({
  /** A page of the campaign's nominations; a unit clerk gets only the unit's own. */
  'GET /campaigns/{campaignId}/nominations': async (event) => {
    const user = await currentUser(event);
    const query = parseQuery(event, ListQuery);
    const campaign = await campaignOf(event);
    refuseIf(refuseListing(user, query));
    const page = await listNominationPage(db(), campaign.id, {
      limit: query.limit,
      includeDeleted: query.includeDeleted === 'true' && mayListDeleted(user),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    // The sheet shows each document's files: their counts, read beside the page's rows.
    const items = await withStoredFileCounts(db(), campaign.id, page.items.filter(listed(user, query)));
    return json(event, 200, { items, nextCursor: page.nextCursor ?? null });
  },

  /** Validation on save: only changed rows, each with the version it last saw; retried safely by key. */
  'POST /campaigns/{campaignId}/nominations/batch': async (event) => {
    const request = parseBody(event, SaveBatchRequest);
    const [user, campaign] = await Promise.all([allowedUser(event, refuseWriting), campaignOf(event)]);
    await refuseUnlessStageAllows(user, campaign, 'saveNominations');
    return idempotent(event, user.email, campaign.id, async () => ({
      statusCode: 200,
      body: recordSave(await saveBatch(db(), campaign, user, request, event.requestContext.requestId)),
    }));
  },
  'DELETE /campaigns/{campaignId}/nominations/{nominationId}': (event) => deleteOrRestore(event, deleteNomination),
  'POST /campaigns/{campaignId}/nominations/{nominationId}/restore': (event) => deleteOrRestore(event, restoreNomination),
});
