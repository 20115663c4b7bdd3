import { z } from 'zod';
import { CampaignId } from '#shared/campaign';
import { DocumentKind } from '#shared/documents/kinds';
import { FileId } from '#shared/dossier-files';
import { Id } from '#shared/org';
import { BallotPartNumber, BallotUploadId } from './ballot-upload';
import { RoundId } from './round';

/**
 * The path parameters of the API, by name: a route's path names them (`/campaigns/{campaignId}`) and
 * the OpenAPI document describes each with its schema. A new route reuses these names.
 */
export const PATH_PARAMS = {
  campaignId: CampaignId,
  nominationId: Id,
  roundId: RoundId,
  kind: DocumentKind,
  unitId: Id,
  personId: Id,
  email: z.email().max(254),
  fileId: FileId,
  uploadId: BallotUploadId,
  part: BallotPartNumber,
} satisfies Record<string, z.ZodType>;

export type PathParamName = keyof typeof PATH_PARAMS;
