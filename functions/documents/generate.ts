import type { DocumentQuery } from '#shared/api/documents';
import type { Campaign } from '#shared/campaign';
import type { DocumentKind } from '#shared/documents/kinds';
import { refuseIf } from '#functions/http/auth';
import type { Db } from '#functions/store/client';
import { generateCertificates } from './certificates';
import { generateMeetingMinutes, generateTallyMinutes } from './council-minutes';
import { generateDecision } from './decision';
import type { DocumentGenerator } from './generated-file';
import { generateCouncilProposal, generateProvinceProposal } from './proposal';

/** Each kind's generator (shared/documents/kinds.ts lists the kinds, and their names and registers). */
const GENERATORS: Partial<Record<DocumentKind, DocumentGenerator>> = {
  'to-trinh-hoi-dong': generateCouncilProposal,
  'bien-ban-hop': generateMeetingMinutes,
  'bien-ban-kiem-phieu': generateTallyMinutes,
  'quyet-dinh': generateDecision,
  'to-trinh-bang-khen': generateProvinceProposal,
  'giay-khen': generateCertificates,
};

export async function generateDocument(db: Db, campaign: Campaign, kind: DocumentKind, query: DocumentQuery, now = new Date()) {
  const generator = GENERATORS[kind];
  if (!generator) refuseIf('DOCUMENT_NOT_AVAILABLE', { kind });
  return generator!(db, campaign, query, now);
}
