import { ImportHistoryRequest, RecordDecisionRequest, RegisterLookupQuery } from '#shared/api/register';
import { refuseRecordDecision } from '#shared/policy/nominations';
import { refuseImportHistory } from '#shared/policy/register';
import { allowedUser, currentUser } from '#functions/http/auth';
import { stagedCampaign } from '#functions/http/campaign';
import { idempotent } from '#functions/http/idempotent';
import { parseBody, parseQuery } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { recordEnteredDecision } from '#functions/register/decisions';
import { importHistory } from '#functions/register/history';
import { lookupRegister } from '#functions/register/lookup';
import { db } from '#functions/store/client';

export const handler = routeGroup({
  /** The Province's decision entered by hand: its nominations awarded and written to the register. */
  'POST /campaigns/{campaignId}/decisions': async (event) => {
    const user = await allowedUser(event, refuseRecordDecision);
    const request = parseBody(event, RecordDecisionRequest);
    const campaign = await stagedCampaign(event, user, 'issueDecision');
    const requestId = event.requestContext.requestId;
    return idempotent(event, user.email, `${campaign.id}#decision`, async () => ({
      statusCode: 200,
      body: await recordEnteredDecision(db(), campaign, request, user, requestId),
    }));
  },
  'PUT /register/history': async (event) => {
    const user = await allowedUser(event, refuseImportHistory);
    return json(event, 200, await importHistory(db(), user, parseBody(event, ImportHistoryRequest)));
  },
  'GET /register': async (event) => {
    const user = await currentUser(event);
    return json(event, 200, await lookupRegister(db(), user, parseQuery(event, RegisterLookupQuery)));
  },
});
