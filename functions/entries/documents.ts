import { DocumentQuery, DOCX_MEDIA_TYPE, GenerateDocumentRequest, IssueDocumentRequest } from '#shared/api/documents';
import { DocumentKind } from '#shared/documents/kinds';
import { refuseDocument, refuseIssueDocument, refuseListDocuments } from '#shared/policy/documents';
import { METRIC, recordMetric } from '#functions/commons/powertools';
import { generateDocument } from '#functions/documents/generate';
import { issueDocument } from '#functions/documents/issue';
import { generateAndRecord } from '#functions/documents/register';
import { allowedUser } from '#functions/http/auth';
import { campaignOf, stagedCampaign } from '#functions/http/campaign';
import { parseBody, parsePathParam, parseQuery } from '#functions/http/request';
import { file, json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { db } from '#functions/store/client';
import { listDocuments } from '#functions/store/document-store';

export const handler = routeGroup({
  /** A draft of one of the office's documents as a Word file, generated from the stored data, not recorded. */
  'GET /campaigns/{campaignId}/documents/{kind}': async (event) => {
    const kind = parsePathParam(event, 'kind', DocumentKind);
    const user = await allowedUser(event, (u) => refuseDocument(u, kind));
    const query = parseQuery(event, DocumentQuery);
    const campaign = await stagedCampaign(event, user, 'draftDocument');
    const generated = await generateDocument(db(), campaign, kind, query);
    recordMetric(METRIC.documentsGenerated, 1, { name: 'kind', value: kind });
    return file(generated.bytes, DOCX_MEDIA_TYPE, generated.filename);
  },
  /** Generated and recorded in the register, with what changed since the last time. */
  'POST /campaigns/{campaignId}/documents/{kind}': async (event) => {
    const kind = parsePathParam(event, 'kind', DocumentKind);
    const user = await allowedUser(event, (u) => refuseDocument(u, kind));
    const request = parseBody(event, GenerateDocumentRequest);
    const recorded = await generateAndRecord(db(), await stagedCampaign(event, user, 'recordDocument'), kind, request, user);
    recordMetric(METRIC.documentsGenerated, 1, { name: 'kind', value: kind });
    return json(event, 200, recorded);
  },
  'POST /campaigns/{campaignId}/documents/{kind}/issue': async (event) => {
    const kind = parsePathParam(event, 'kind', DocumentKind);
    const user = await allowedUser(event, (u) => refuseIssueDocument(u, kind));
    const { version } = parseBody(event, IssueDocumentRequest);
    const requestId = event.requestContext.requestId;
    const campaign = await stagedCampaign(event, user, 'issueDecision');
    return json(event, 200, await issueDocument(db(), campaign, kind, version, user, requestId));
  },
  'GET /campaigns/{campaignId}/documents': async (event) => {
    await allowedUser(event, refuseListDocuments);
    const campaign = await campaignOf(event);
    return json(event, 200, { records: await listDocuments(db(), campaign.id) });
  },
});
