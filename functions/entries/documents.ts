import { DecisionQuery, DOCX_MEDIA_TYPE } from '#shared/api/documents';
import { refuseDocument } from '#shared/policy/documents';
import { generateDecision } from '#functions/documents/generate';
import { allowedUser } from '#functions/http/auth';
import { campaignOf } from '#functions/http/campaign';
import { parseQuery } from '#functions/http/request';
import { file } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { db } from '#functions/store/client';

export const handler = routeGroup({
  /** The Chief of Office's Quyết định on the Giấy khen with its attached list, as a Word file. */
  'GET /campaigns/{campaignId}/documents/quyet-dinh': async (event) => {
    await allowedUser(event, (user) => refuseDocument(user, 'generateDecision'));
    const query = parseQuery(event, DecisionQuery);
    const generated = await generateDecision(db(), await campaignOf(event), query);
    return file(generated.bytes, DOCX_MEDIA_TYPE, generated.filename);
  },
});
