import type { ApiErrorCode } from '#shared/api-errors';
import type { DocumentChanges, DocumentRecord, GenerateDocumentRequest } from '#shared/api/documents';
import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { cyrb53 } from '#shared/sheet/row-hash';
import { DECISION_MOVES } from '#shared/status';

/**
 * The office's register of documents and what the campaign keeps of each generated document: the
 * number it took, its date, and a fingerprint of each line it lists, so that generating it again says
 * what changed since, and issuing it can check that what is issued is what was generated.
 */

/** One line a document lists (a nomination, an awardee): the key it is known by, the name it says, its whole text. */
export interface DocumentLine {
  key: string;
  name: string;
  text: string;
}

/** Numbers restart each year, as offices number their documents. */
export function registerYear(date: string): number {
  return Number(date.slice(0, 4));
}

/** The lines' fingerprints, one "key hash" per line: stored with the record, read back to compare. */
export function lineDigest(lines: readonly DocumentLine[]): string {
  return lines.map((line) => `${line.key} ${cyrb53(line.text)}`).join('\n');
}

function parseDigest(digest: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of (digest ?? '').split('\n')) {
    const space = entry.indexOf(' ');
    if (space > 0) map.set(entry.slice(0, space), entry.slice(space + 1));
  }
  return map;
}

/** The fingerprint of the whole document: its heading (number, date) and every line. */
export function dataVersionOf(headingParts: readonly string[], digest: string): string {
  return cyrb53(`${headingParts.join('\n')}\n${digest}`);
}

/**
 * What changed since the document was last generated: lines added, removed and changed, by name
 * (a removed line's name from `nameOf`, since the record keeps fingerprints, not names).
 */
export function changesSince(
  previous: { digest: string; number: number; date: string } | undefined,
  next: { lines: readonly DocumentLine[]; number: number; date: string },
  nameOf: (key: string) => string | undefined,
): DocumentChanges {
  if (!previous) return { first: true, added: [], removed: [], changed: [], renumbered: false };
  const before = parseDigest(previous.digest);
  const after = new Set<string>();
  const changes: DocumentChanges = { first: false, added: [], removed: [], changed: [], renumbered: false };
  for (const line of next.lines) {
    after.add(line.key);
    const hash = before.get(line.key);
    if (hash === undefined) changes.added.push(line.name);
    else if (hash !== cyrb53(line.text)) changes.changed.push(line.name);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.removed.push(nameOf(key) ?? key);
  changes.renumbered = previous.number !== next.number || previous.date !== next.date;
  return changes;
}

/** An issued document keeps its number and date: regenerating it may only reproduce it. */
export function refuseRegenerate(record: DocumentRecord | undefined, request: GenerateDocumentRequest): ApiErrorCode | undefined {
  if (record?.status !== 'issued') return undefined;
  const renumbered = request.number !== undefined && request.number !== record.number;
  const redated = request.date !== undefined && request.date !== record.date;
  return renumbered || redated ? 'DOCUMENT_ALREADY_ISSUED' : undefined;
}

/**
 * Issuing records the signed document as it was generated: refused when it was never generated, was
 * issued already, the record moved since the user saw it, or the data changed since it was generated
 * (generate it again, read what changed, then issue).
 */
export function refuseIssue(record: DocumentRecord | undefined, seenVersion: number, currentDataVersion: string): ApiErrorCode | undefined {
  if (!record) return 'DOCUMENT_NOT_GENERATED';
  if (record.status === 'issued') return 'DOCUMENT_ALREADY_ISSUED';
  if (record.version !== seenVersion) return 'DOCUMENT_VERSION_CONFLICT';
  if (record.dataVersion !== currentDataVersion) return 'DOCUMENT_CHANGED_SINCE';
  return undefined;
}

export interface PlannedAward {
  before: Nomination;
  after: Nomination;
}

/** The decision's nominations moved to awarded (DECISION_MOVES.issue): only those still selected. */
export function planAwards(named: readonly Nomination[], user: Pick<User, 'email'>, now: string): PlannedAward[] {
  const from: readonly string[] = DECISION_MOVES.issue.from;
  return named
    .filter((n) => !n.deletedAt && from.includes(n.status))
    .map((before) => ({
      before,
      after: { ...before, status: DECISION_MOVES.issue.to[0], version: before.version + 1, updatedAt: now, updatedBy: user.email },
    }));
}
