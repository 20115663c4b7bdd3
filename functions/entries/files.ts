import { FileListQuery, UploadRequest } from '#shared/api/files';
import { FileId } from '#shared/dossier-files';
import { campaignOf } from '#functions/http/campaign';
import { currentUser } from '#functions/http/auth';
import { parseBody, parsePathParam, parseQuery, pathParam } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import type { ApiEvent } from '#functions/http/types';
import { downloadLink, listNominationFiles, setFileDeleted } from '#functions/files/manage';
import { confirmUpload, requestUpload } from '#functions/files/upload';
import { db } from '#functions/store/client';
import { bucket } from '#functions/store/file-objects';

const FILES = '/campaigns/{campaignId}/nominations/{nominationId}/files';

/** The user, the campaign and the named nomination and file of a files route. */
async function context(event: ApiEvent) {
  const [user, campaign] = await Promise.all([currentUser(event), campaignOf(event)]);
  const fileId = event.pathParameters?.fileId === undefined ? '' : parsePathParam(event, 'fileId', FileId);
  return { user, campaign, nominationId: pathParam(event, 'nominationId'), fileId };
}

const setDeleted = (deleted: boolean) => async (event: ApiEvent) => {
  const { user, campaign, nominationId, fileId } = await context(event);
  const ids = { nominationId, fileId };
  return json(event, 200, await setFileDeleted(db(), bucket(), campaign, user, ids, deleted, event.requestContext.requestId));
};

export const handler = routeGroup({
  [`GET ${FILES}`]: async (event) => {
    const query = parseQuery(event, FileListQuery);
    const { user, campaign, nominationId } = await context(event);
    return json(event, 200, { files: await listNominationFiles(db(), campaign, user, nominationId, query.includeDeleted === 'true') });
  },
  [`POST ${FILES}`]: async (event) => {
    const request = parseBody(event, UploadRequest);
    const { user, campaign, nominationId } = await context(event);
    return json(event, 201, await requestUpload(db(), bucket(), campaign, user, nominationId, request));
  },
  [`POST ${FILES}/{fileId}/confirm`]: async (event) => {
    const { user, campaign, nominationId, fileId } = await context(event);
    return json(event, 200, await confirmUpload(db(), bucket(), campaign, user, nominationId, fileId, event.requestContext.requestId));
  },
  [`GET ${FILES}/{fileId}/download`]: async (event) => {
    const { user, campaign, nominationId, fileId } = await context(event);
    return json(event, 200, await downloadLink(db(), bucket(), campaign, user, nominationId, fileId));
  },
  [`DELETE ${FILES}/{fileId}`]: setDeleted(true),
  [`POST ${FILES}/{fileId}/restore`]: setDeleted(false),
});
