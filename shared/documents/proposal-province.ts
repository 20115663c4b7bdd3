import type { Campaign } from '#shared/campaign';
import type { IsoDate } from '#shared/dates';
import type { Nomination } from '#shared/nomination';
import type { NominationStatus } from '#shared/status';
import { basisLine, councilName, councilVoteBasis, documentHeading, identityOf, recipientLines, signatureLines } from './decision';
import { awardeeCount, awardeeGroups, type AwardeeGroup } from './decision-list';
import { BODY_END, numberLine, shortDate } from './format';
import { proposalsOf, type ListCaption, type ProposalInput, type ProposalLetter } from './proposal';

/** The office's Tờ trình to the province proposing its award (the Bằng khen), with its attached list. */
export interface ProvinceProposal extends ProposalLetter {
  list: ListCaption & { groups: AwardeeGroup[] };
}

export interface ProvinceProposalInput extends ProposalInput {
  /** The day the council's vote was confirmed (the last confirmed round that selected). */
  councilDate: IsoDate;
}

/** The form the province decides (the Chairman's Bằng khen): the office only proposes it. */
export function provinceAwardForm(campaign: Pick<Campaign, 'awardForms'>) {
  return campaign.awardForms.find((form) => form.decidedBy === 'province');
}

/**
 * Whom the office proposes: the nominations a confirmed round selected for the province's form; one
 * the province has since awarded stays in the list it was proposed in.
 */
const PROPOSED_TO_PROVINCE: readonly NominationStatus[] = ['selected', 'awarded'];

export function proposedToProvince(campaign: Pick<Campaign, 'awardForms'>, nominations: readonly Nomination[]): Nomination[] {
  const form = provinceAwardForm(campaign);
  return nominations.filter((n) => !n.deletedAt && PROPOSED_TO_PROVINCE.includes(n.status) && n.awardForm === form?.code);
}

/**
 * The Tờ trình of the office to the Chairman of the province (through the province's board) proposing
 * the Bằng khen for those the council selected, signed by the head of the office.
 */
export function buildProvinceProposal(input: ProvinceProposalInput): ProvinceProposal {
  const { campaign, date } = input;
  const identity = identityOf(campaign);
  const { province } = proposalsOf(identity);
  const formName = provinceAwardForm(campaign)?.name.vi ?? '';
  const groups = awardeeGroups(proposedToProvince(campaign, input.nominations), input.units, input.people);
  const number = numberLine(input.number, identity.abbreviations.proposal, identity.symbol);
  const signer = identity.head.signer;
  return {
    heading: documentHeading(identity, number, date),
    title: 'TỜ TRÌNH',
    subject: `Về việc đề nghị tặng ${formName} cho các tập thể, cá nhân đã có thành tích xuất sắc trong ${campaign.title}`,
    addressees: [`Kính gửi: ${province.addressee}`, ...(province.through ? [`(qua ${province.through})`] : [])],
    bases: [...campaign.legalBasis.map(basisLine), councilVoteBasis(identity, input.councilDate)],
    body: [
      `Thực hiện ${campaign.title}, ${councilName(identity)} đã họp, bỏ phiếu kín ngày ${shortDate(input.councilDate)} và thống nhất đề nghị tặng ${formName} cho ${awardeeCount(groups)} đã có thành tích xuất sắc (có danh sách kèm theo).`,
    ],
    closing: `${identity.issuingBodyName} kính trình ${province.addressee} xem xét, quyết định${BODY_END}`,
    signature: { lines: signatureLines(signer), name: signer.name },
    recipients: recipientLines(province.recipients, identity.filingUnit),
    list: {
      title: 'DANH SÁCH',
      subject: `Tập thể, cá nhân đề nghị tặng ${formName}`,
      reference: `(Kèm theo Tờ trình số ${number.slice('Số: '.length)} ngày ${shortDate(date)} của ${identity.issuingBodyName})`,
      groups,
    },
  };
}
