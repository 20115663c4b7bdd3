import { DocumentQuery, DOCX_MEDIA_TYPE } from '#shared/api/documents';
import { DocumentKind } from '#shared/documents/kinds';
import { refuseDocument } from '#shared/policy/documents';
import { generateDocument } from '#functions/documents/generate';
import { allowedUser } from '#functions/http/auth';
import { campaignOf } from '#functions/http/campaign';
import { parsePathParam, parseQuery } from '#functions/http/request';
import { file } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { db } from '#functions/store/client';

export const handler = routeGroup({
  /** One of the office's documents as a Word file, generated from the stored data (shared/documents/kinds.ts). */
  'GET /campaigns/{campaignId}/documents/{kind}': async (event) => {
    const kind = parsePathParam(event, 'kind', DocumentKind);
    await allowedUser(event, (user) => refuseDocument(user, kind));
    const query = parseQuery(event, DocumentQuery);
    const generated = await generateDocument(db(), await campaignOf(event), kind, query);
    return file(generated.bytes, DOCX_MEDIA_TYPE, generated.filename);
  },
});
