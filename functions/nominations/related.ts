import type { RelatedRow } from '#shared/api/save';
import type { Issue } from '#shared/issues';
import { nomineeKey, type Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { mayRead } from '#shared/policy/nominations';
import type { Db } from '#functions/store/client';
import { getNominations } from '#functions/store/nomination-reads';

/** Which live nominations name each nominee (rule 8), by nominee key. */
export type Claims = Map<string, Set<string>>;

interface Change {
  before: Nomination | undefined;
  after: Nomination;
}

/**
 * The nominee index before and after a save. The lookup may or may not have seen this batch's writes,
 * so the batch's rows are taken out of what it found and put back: before the save as they were, after
 * it as saved (or as they were, for a row that was not saved).
 */
export function nomineeClaims(
  found: ReadonlyMap<string, readonly string[]>,
  changes: readonly Change[],
  savedIds: ReadonlySet<string>,
): { before: Claims; after: Claims } {
  const batchIds = new Set(changes.map((row) => row.after.id));
  const others = (): Claims => new Map([...found].map(([key, ids]) => [key, new Set(ids.filter((id) => !batchIds.has(id)))]));
  const before = others();
  const after = others();
  const add = (claims: Claims, nomination: Nomination) => {
    const key = nomineeKey(nomination);
    claims.set(key, (claims.get(key) ?? new Set()).add(nomination.id));
  };
  for (const row of changes) {
    const wasLive = row.before !== undefined && !row.before.deletedAt;
    if (wasLive) add(before, row.before!);
    if (savedIds.has(row.after.id)) add(after, row.after);
    else if (wasLive) add(after, row.before!);
  }
  return { before, after };
}

/**
 * The nominations outside the batch whose duplicate finding the save changed: those naming a nominee
 * whose count moved (they became duplicates, stopped being ones, or their count changed). Only the
 * nominees the batch touched are looked at, so this grows with the batch, never with the campaign.
 */
export function relatedIds(claims: { before: Claims; after: Claims }, batchIds: ReadonlySet<string>): string[] {
  const ids = new Set<string>();
  for (const key of new Set([...claims.before.keys(), ...claims.after.keys()])) {
    const before = claims.before.get(key) ?? new Set<string>();
    const after = claims.after.get(key) ?? new Set<string>();
    if (before.size === after.size) continue;
    for (const id of [...before, ...after]) if (!batchIds.has(id)) ids.add(id);
  }
  return [...ids];
}

/** Those nominations' findings as they now stand, for the ones the user may read. */
export async function relatedRows(
  db: Db,
  campaign: { id: string; dossierFilesRequired?: boolean },
  user: User,
  ids: readonly string[],
  findings: (nomination: Nomination) => Issue[],
): Promise<RelatedRow[]> {
  if (ids.length === 0) return [];
  const found = await getNominations(db, campaign.id, ids, { files: campaign.dossierFilesRequired });
  return [...found.values()]
    .filter((nomination) => !nomination.deletedAt && mayRead(user, nomination))
    .map((nomination) => ({ id: nomination.id, version: nomination.version, status: nomination.status, issues: findings(nomination) }));
}
