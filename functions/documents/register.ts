import type { DocumentRecord, GenerateDocumentRequest, GeneratedDocument } from '#shared/api/documents';
import { DOCX_MEDIA_TYPE } from '#shared/api/documents';
import type { StoredCampaign } from '#shared/api/campaign';
import { todayInVietnam } from '#shared/dates';
import { identityOf } from '#shared/documents/decision';
import { numberLine } from '#shared/documents/format';
import { DOCUMENT_KINDS, type DocumentKind } from '#shared/documents/kinds';
import { changesSince, dataVersionOf, lineDigest, refuseRegenerate, registerYear } from '#shared/documents/register';
import type { User } from '#shared/org';
import { refuseIf } from '#functions/http/auth';
import { ApiError } from '#functions/http/errors';
import type { Db } from '#functions/store/client';
import {
  documentPutItem,
  getDocument,
  lastNumber,
  releaseNumberItem,
  takeNumberItems,
  type StoredDocument,
} from '#functions/store/document-store';
import { backoff } from '#functions/store/retry';
import { transact, type TransactItem } from '#functions/store/transact';
import { generateDocument } from './generate';
import type { GeneratedFile } from './generated-file';

const RETRIES = 5;

/** The register a kind is numbered in, as the office writes it: "QĐ-VP", "TTr-VP", "BB-VP". */
export function registerOf(campaign: StoredCampaign, kind: DocumentKind) {
  const identity = identityOf(campaign);
  const type = DOCUMENT_KINDS[kind].register;
  const abbreviation = type ? identity.abbreviations[type] : 'GK';
  return { type: `${abbreviation}-${identity.symbol}`, line: (n: number) => numberLine(n, abbreviation, identity.symbol) };
}

/** One record per kind, and per round for a round's minutes. */
export function recordKey(kind: DocumentKind, file: Pick<GeneratedFile, 'subject'>): string {
  return file.subject ? `${kind}#${file.subject}` : kind;
}

/** The record's key before the file is generated: the request names the round of a round's minutes. */
function requestedKey(kind: DocumentKind, request: GenerateDocumentRequest): string {
  return recordKey(kind, request.round ? { subject: request.round } : {});
}

/**
 * Generates a document and records it: the number typed, the one it already holds, or the register's
 * next; the date given, kept, or today. Its record, the number's claim and the register's counter are
 * one transaction; two generations at once collide and the later one runs again on what the first
 * wrote. The answer carries the file and what changed in its list since the last generation.
 */
export async function generateAndRecord(
  db: Db,
  campaign: StoredCampaign,
  kind: DocumentKind,
  request: GenerateDocumentRequest,
  user: User,
  now = new Date(),
): Promise<GeneratedDocument> {
  const register = registerOf(campaign, kind);
  const numberedAs = DOCUMENT_KINDS[kind].numberedAs;
  for (let attempt = 0; ; attempt += 1) {
    const existing = await getDocument(db, campaign.id, requestedKey(kind, request));
    refuseIf(refuseRegenerate(existing?.record, request));
    // A certificate carries its decision's number and date: it takes none of its own.
    const source = numberedAs && (await getDocument(db, campaign.id, numberedAs))?.record;
    if (numberedAs) refuseIf(source ? undefined : 'DOCUMENT_NEEDS_DECISION', { kind, numberedAs });
    const date = source ? source.date : (request.date ?? existing?.record.date ?? todayInVietnam(now));
    const year = registerYear(date);
    const last = source ? 0 : await lastNumber(db, register.type, year);
    const kept = existing && existing.record.year === year ? existing.record.number : undefined;
    const number = source ? source.number : (request.number ?? kept ?? last + 1);
    const file = await generateDocument(db, campaign, kind, { ...request, number, date }, now);
    const key = recordKey(kind, file);
    // The minutes of the last round counted, asked for without naming it: record them as that round's.
    if (key !== requestedKey(kind, request) && file.subject && !request.round) {
      request = { ...request, round: file.subject };
      continue;
    }
    const digest = lineDigest(file.lines);
    const numberLine = source ? source.numberLine : register.line(number);
    const record: DocumentRecord = {
      campaignId: campaign.id,
      kind,
      key,
      number,
      numberLine,
      year,
      date,
      status: existing?.record.status ?? 'draft',
      generatedBy: user.email,
      generatedAt: now.toISOString(),
      generations: (existing?.record.generations ?? 0) + 1,
      dataVersion: dataVersionOf([numberLine, date], digest),
      lineCount: file.lines.length,
      ...(existing?.record.issuedBy ? { issuedBy: existing.record.issuedBy, issuedAt: existing.record.issuedAt! } : {}),
      ...(existing?.record.awarded ? { awarded: existing.record.awarded } : {}),
      version: (existing?.record.version ?? 0) + 1,
    };
    const owner = `${campaign.id}#${key}`;
    const claims = source ? [] : takeNumberItems(db, register.type, year, number, owner, last);
    const items: TransactItem[] = [...claims, documentPutItem(db, { record, digest }, existing?.record.version)];
    const held = existing?.record;
    if (!source && held && (held.number !== number || held.year !== year)) {
      items.push(releaseNumberItem(db, register.type, held.year, held.number, owner));
    }
    const outcome = await transact(db, items);
    if (outcome.ok) return answer(record, existing, file);
    // The number typed by hand belongs to another document: say so. Anything else moved meanwhile: again.
    if (request.number !== undefined && outcome.reasons[0] === 'ConditionalCheckFailed') {
      throw new ApiError('DOCUMENT_NUMBER_TAKEN', { number: request.number, register: register.type, year });
    }
    if (attempt >= RETRIES) throw new Error('recording a document kept colliding');
    await backoff(attempt, 20, 500);
  }
}

function answer(record: DocumentRecord, previous: StoredDocument | undefined, file: GeneratedFile): GeneratedDocument {
  const changes = changesSince(
    previous && { digest: previous.digest, number: previous.record.number, date: previous.record.date },
    { lines: file.lines, number: record.number, date: record.date },
    file.nameOf,
  );
  return { record, changes, filename: file.filename, mediaType: DOCX_MEDIA_TYPE, content: file.bytes.toString('base64') };
}
