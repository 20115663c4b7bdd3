import type { DocumentQuery } from '#shared/api/documents';
import type { Campaign } from '#shared/campaign';
import { awardedByDecision, buildAwardDecision, refuseDecision } from '#shared/documents/decision';
import { listLines, nomineeNames } from '#shared/documents/decision-list';
import { refuseIf } from '#functions/http/auth';
import type { Db } from '#functions/store/client';
import { decisionDocx } from './decision-docx';
import type { GeneratedFile } from './generated-file';
import { loadCouncilVote, numberAndDate } from './sources';

/**
 * The Quyết định on the Giấy khen from the stored data: the campaign, the registry, the nominations a
 * confirmed round selected, and the day of the last confirmation (the council's date in Vietnam).
 * Refused while no round is confirmed, or nobody is selected for the office's form.
 */
export async function generateDecision(db: Db, campaign: Campaign, query: DocumentQuery, now: Date): Promise<GeneratedFile> {
  const { councilDate, confirmedRounds, ...sources } = await loadCouncilVote(db, campaign);
  refuseIf(refuseDecision(confirmedRounds, awardedByDecision(campaign, sources.nominations).length), { confirmedRounds });
  const decision = buildAwardDecision({ campaign, ...sources, councilDate: councilDate!, ...numberAndDate(query, now) });
  return {
    bytes: await decisionDocx(decision),
    filename: `Quyết định Giấy khen - ${campaign.id}.docx`,
    lines: listLines(decision.list.groups),
    nameOf: nomineeNames(sources.nominations, sources.units, sources.people),
  };
}
