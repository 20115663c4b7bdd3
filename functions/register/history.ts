import type { ImportHistoryRequest, ImportHistoryResult } from '#shared/api/register';
import type { User } from '#shared/org';
import { historyEntry, knownAwardForms, planHistoryImport } from '#shared/register/history';
import type { Db } from '#functions/store/client';
import { loadRegistry } from '#functions/store/org-store';
import { putRegisterEntries, storedRegisterEntries } from '#functions/store/register-store';

/**
 * A chunk of the "Lịch sử khen thưởng" sheet into the register: the registry read once (to match the
 * rows' people and units), what the register already holds under the rows' keys (BatchGet), and only
 * new or changed awards written (BatchWrite). Imported again, the same rows add nothing.
 */
export async function importHistory(db: Db, user: User, request: ImportHistoryRequest, now = new Date()): Promise<ImportHistoryResult> {
  const loaded = await loadRegistry(db);
  const registry = { units: new Map(loaded.units.map((u) => [u.id, u])), people: new Map(loaded.people.map((p) => [p.id, p])) };
  const forms = knownAwardForms();
  const by = { email: user.email, at: now.toISOString() };
  const candidates = request.rows.map((row) => historyEntry(row, registry, forms, by).entry);
  const stored = await storedRegisterEntries(db, candidates);
  const { write, results } = planHistoryImport(request.rows, registry, forms, stored, by);
  await putRegisterEntries(db, write);
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  return {
    rows: results,
    summary: { added: count('added'), unchanged: count('unchanged'), updated: count('updated'), recorded: count('recorded') },
  };
}
