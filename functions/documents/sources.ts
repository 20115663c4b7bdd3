import type { DocumentQuery } from '#shared/api/documents';
import type { Campaign } from '#shared/campaign';
import { isConfirmed } from '#shared/council/round-status';
import { todayInVietnam, type IsoDate } from '#shared/dates';
import type { Nomination } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import type { Db } from '#functions/store/client';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { loadRegistry } from '#functions/store/org-store';
import { listRounds } from '#functions/store/round-store';

/** What a document of the campaign reads: the registry and the nominations. */
export interface DocumentSources {
  units: readonly Unit[];
  people: readonly Person[];
  nominations: readonly Nomination[];
}

export async function loadSources(db: Db, campaign: Campaign): Promise<DocumentSources> {
  const [registry, nominations] = await Promise.all([
    loadRegistry(db),
    loadAllNominations(db, campaign.id, { files: campaign.dossierFilesRequired }),
  ]);
  return { units: registry.units, people: registry.people, nominations };
}

/**
 * What a document resting on the council's vote reads besides: how many rounds are confirmed, and
 * the day of the last confirmation (the council's date in Vietnam), absent while none is.
 */
export async function loadCouncilVote(
  db: Db,
  campaign: Campaign,
): Promise<DocumentSources & { confirmedRounds: number; councilDate?: IsoDate }> {
  const [rounds, sources] = await Promise.all([listRounds(db, campaign.id), loadSources(db, campaign)]);
  const confirmed = rounds.filter(isConfirmed);
  const lastConfirmation = confirmed
    .map((round) => round.confirmedAt ?? '')
    .sort()
    .at(-1);
  return {
    ...sources,
    confirmedRounds: confirmed.length,
    ...(lastConfirmation ? { councilDate: todayInVietnam(new Date(lastConfirmation)) } : {}),
  };
}

/** The document's number in the register, if the query gives one, and its date (today in Vietnam by default). */
export function numberAndDate(query: DocumentQuery, now: Date): { number?: number; date: IsoDate } {
  return { date: query.date ?? todayInVietnam(now), ...(query.number !== undefined ? { number: query.number } : {}) };
}
