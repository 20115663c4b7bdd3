import type { DocumentQuery } from '#shared/api/documents';
import type { Campaign } from '#shared/campaign';
import { refuseDecision } from '#shared/documents/decision';
import { listLines, nomineeNames } from '#shared/documents/decision-list';
import { buildCouncilProposal, councilProposalLines, proposedToCouncil, refuseCouncilProposal } from '#shared/documents/proposal';
import { buildProvinceProposal, proposedToProvince } from '#shared/documents/proposal-province';
import { refuseIf } from '#functions/http/auth';
import type { Db } from '#functions/store/client';
import type { GeneratedFile } from './generated-file';
import { councilProposalDocx, provinceProposalDocx } from './proposal-docx';
import { loadCouncilVote, loadSources, numberAndDate } from './sources';

/** The HR office's Tờ trình to the council, from the eligible nominations; refused while there is none. */
export async function generateCouncilProposal(db: Db, campaign: Campaign, query: DocumentQuery, now: Date): Promise<GeneratedFile> {
  const sources = await loadSources(db, campaign);
  refuseIf(refuseCouncilProposal(proposedToCouncil(sources.nominations).length));
  const proposal = buildCouncilProposal({ campaign, ...sources, ...numberAndDate(query, now) });
  return {
    bytes: await councilProposalDocx(proposal),
    filename: `Tờ trình Hội đồng - ${campaign.id}.docx`,
    lines: councilProposalLines(proposal),
    nameOf: nomineeNames(sources.nominations, sources.units, sources.people),
  };
}

/**
 * The office's Tờ trình to the province proposing the Bằng khen, for those a confirmed round selected;
 * refused, as the decision is, while no round is confirmed or nobody is selected for that form.
 */
export async function generateProvinceProposal(db: Db, campaign: Campaign, query: DocumentQuery, now: Date): Promise<GeneratedFile> {
  const { councilDate, confirmedRounds, ...sources } = await loadCouncilVote(db, campaign);
  refuseIf(refuseDecision(confirmedRounds, proposedToProvince(campaign, sources.nominations).length), { confirmedRounds });
  const proposal = buildProvinceProposal({ campaign, ...sources, councilDate: councilDate!, ...numberAndDate(query, now) });
  return {
    bytes: await provinceProposalDocx(proposal),
    filename: `Tờ trình Bằng khen - ${campaign.id}.docx`,
    lines: listLines(proposal.list.groups),
    nameOf: nomineeNames(sources.nominations, sources.units, sources.people),
  };
}
