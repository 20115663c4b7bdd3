import type { DocumentQuery } from '#shared/api/documents';
import type { Campaign } from '#shared/campaign';
import { isConfirmed } from '#shared/council/round-status';
import { todayInVietnam } from '#shared/dates';
import { awardedByDecision, buildAwardDecision, refuseDecision } from '#shared/documents/decision';
import { listLines, nomineeNames } from '#shared/documents/decision-list';
import { refuseIf } from '#functions/http/auth';
import type { Db } from '#functions/store/client';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { loadRegistry } from '#functions/store/org-store';
import { listRounds } from '#functions/store/round-store';
import { decisionDocx } from './decision-docx';
import type { GeneratedFile } from './generated-file';

/**
 * The Quyết định on the Giấy khen from the stored data: the campaign, the registry, the nominations a
 * confirmed round selected, and the day of the last confirmation (the council's date in Vietnam).
 * Refused while no round is confirmed, or nobody is selected for the office's form.
 */
export async function generateDecision(db: Db, campaign: Campaign, query: DocumentQuery, now: Date): Promise<GeneratedFile> {
  const [rounds, registry, nominations] = await Promise.all([
    listRounds(db, campaign.id),
    loadRegistry(db),
    loadAllNominations(db, campaign.id),
  ]);
  const confirmed = rounds.filter(isConfirmed);
  refuseIf(refuseDecision(confirmed.length, awardedByDecision(campaign, nominations).length), { confirmedRounds: confirmed.length });
  const lastConfirmation = confirmed
    .map((round) => round.confirmedAt ?? '')
    .sort()
    .at(-1)!;
  const decision = buildAwardDecision({
    campaign,
    units: registry.units,
    people: registry.people,
    nominations,
    councilDate: todayInVietnam(new Date(lastConfirmation)),
    date: query.date ?? todayInVietnam(now),
    ...(query.number !== undefined ? { number: query.number } : {}),
  });
  return {
    bytes: await decisionDocx(decision),
    filename: `Quyết định Giấy khen - ${campaign.id}.docx`,
    lines: listLines(decision.list.groups),
    nameOf: nomineeNames(nominations, registry.units, registry.people),
  };
}
