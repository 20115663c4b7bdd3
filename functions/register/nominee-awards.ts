import type { NominationFields } from '#shared/nomination';
import { registerSubject, type RegisterEntry } from '#shared/register/entry';
import type { RuleContext } from '#shared/rules/index';
import type { Db } from '#functions/store/client';
import { registerOfNominees } from '#functions/store/register-store';

type Nominee = Pick<NominationFields, 'nomineeKind' | 'nomineeId'>;

/** The name a nominee's awards are recorded under: the registry's, or the name as typed. */
function nomineeName(ctx: Pick<RuleContext, 'units' | 'people'>, nominee: Nominee): string {
  const named = nominee.nomineeKind === 'collective' ? ctx.units.get(nominee.nomineeId)?.name : ctx.people.get(nominee.nomineeId)?.fullName;
  return named ?? nominee.nomineeId;
}

/** A nominee's register entries (those under its name: the rule keeps its own), as read by awardsOfNominees. */
export type NomineeAwards = (nominee: Nominee) => RegisterEntry[];

/**
 * Rule 8's register side for a save: the entries under the names of the nominees it saves (the names'
 * markers, then a Query per name that has entries), so what it reads grows with the batch, never with the
 * register or the campaign. The full report (functions/nominations/validation.ts) asks it for the
 * campaign's nominees, the whole campaign being what its user asked for.
 */
export async function awardsOfNominees(
  db: Db,
  ctx: Pick<RuleContext, 'units' | 'people'>,
  nominees: readonly Nominee[],
): Promise<NomineeAwards> {
  const subjects = nominees.map((n) => ({ kind: n.nomineeKind, name: nomineeName(ctx, n) }));
  const entries = await registerOfNominees(db, subjects);
  const bySubject = new Map<string, RegisterEntry[]>();
  for (const entry of entries) {
    const subject = registerSubject(entry.nomineeKind, entry.name);
    bySubject.set(subject, [...(bySubject.get(subject) ?? []), entry]);
  }
  return (nominee) => bySubject.get(registerSubject(nominee.nomineeKind, nomineeName(ctx, nominee))) ?? [];
}
