import type { ApiErrorCode } from '#shared/api-errors';
import type { Campaign, LegalReference } from '#shared/campaign';
import type { IsoDate } from '#shared/dates';
import type { Nomination } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import { SEED_OFFICE_IDENTITY } from '#shared/seed/office-identity';
import { DECISION_MOVES } from '#shared/status';
import type { z } from 'zod';
import { awardeeCount, awardeeGroups, type AwardeeGroup } from './decision-list';
import { BODY_END, kindOfReference, numberLine, placeAndDate, shortDate } from './format';
import type { OfficeIdentity, Signer } from './identity';

/** The parts every administrative document opens with (the two-column header, then the number and date). */
export interface DocumentHeading {
  parentBody: string;
  issuingBody: string;
  numberLine: string;
  placeAndDate: string;
}

export interface Article {
  label: string;
  text: string;
}

/**
 * The Quyết định of the head of the office awarding the office's own form (the Giấy khen), with its
 * Danh sách kèm theo, as content: what the .docx writer lays out, and what the tests read back.
 */
export interface AwardDecision {
  heading: DocumentHeading;
  title: string;
  subject: string;
  /** Who decides, in capitals, above the Căn cứ lines. */
  authority: string;
  bases: string[];
  proposal: string;
  decides: string;
  articles: Article[];
  signature: { lines: string[]; name: string };
  recipients: string[];
  list: { title: string; subject: string; reference: string; groups: AwardeeGroup[] };
}

export interface DecisionInput {
  campaign: Campaign;
  units: readonly Unit[];
  people: readonly Person[];
  nominations: readonly Nomination[];
  /** The day the council's decision was confirmed (the last confirmed round that selected). */
  councilDate: IsoDate;
  /** The number in the register, if one is given yet, and the decision's date. */
  number?: number;
  date: IsoDate;
}

/** The campaign's identity for its documents: its own, or the seed office's. */
export function identityOf(campaign: Pick<Campaign, 'office'>): OfficeIdentity {
  return campaign.office ?? SEED_OFFICE_IDENTITY;
}

/** The form the office's decision awards: the first the office itself decides (the Giấy khen). */
export function officeAwardForm(campaign: Pick<Campaign, 'awardForms'>) {
  return campaign.awardForms.find((form) => form.decidedBy === 'office');
}

/**
 * The decision's awardees: the nominations a confirmed round selected for the office's form, and once
 * the decision is issued, the ones it awarded (DECISION_MOVES.issue), so that it reads the same after.
 */
export function awardedByDecision(campaign: Pick<Campaign, 'awardForms'>, nominations: readonly Nomination[]): Nomination[] {
  const form = officeAwardForm(campaign);
  const named: readonly string[] = [...DECISION_MOVES.issue.from, ...DECISION_MOVES.issue.to];
  return nominations.filter((n) => !n.deletedAt && named.includes(n.status) && n.awardForm === form?.code);
}

/** Why the decision cannot be written yet: no confirmed round, or nobody selected for the office's form. */
export function refuseDecision(confirmedRounds: number, awarded: number): ApiErrorCode | undefined {
  if (confirmedRounds === 0) return 'DOCUMENT_NEEDS_CONFIRMED_ROUND';
  if (awarded === 0) return 'DOCUMENT_NOTHING_SELECTED';
  return undefined;
}

/** "Căn cứ Kế hoạch số 645/KH-UBND ngày 25/9/2024 của UBND tỉnh Bắc Kạn về …;" */
export function basisLine(reference: z.infer<typeof LegalReference>): string {
  const words = [
    `Căn cứ ${kindOfReference(reference.ref) ?? 'văn bản'} số ${reference.ref}`,
    reference.date ? `ngày ${shortDate(reference.date)}` : '',
    reference.issuer ? `của ${reference.issuer}` : '',
    reference.title ? subjectOf(reference.title) : '',
  ];
  return `${words.filter(Boolean).join(' ')};`;
}

/**
 * How a cited document's subject follows its number: "về …", except a decree's "Quy định …", which is
 * cited as it reads ("Nghị định số 98/2023/NĐ-CP … quy định chi tiết …").
 */
function subjectOf(title: string): string {
  return /^Quy định\b/u.test(title) ? `q${title.slice(1)}` : `về ${title}`;
}

/** The lines above the signature: "KT. CHÁNH VĂN PHÒNG" / "PHÓ CHÁNH VĂN PHÒNG", or the title alone. */
export function signatureLines(signer: Signer): string[] {
  const onBehalf = signer.capacity ? [`${signer.capacity} ${signer.onBehalfOf ?? ''}`.trim()] : [];
  return [...onBehalf, signer.title];
}

/** "- Như Điều 3;" … "- Lưu: VT, HCQT.": every entry ends ";" but the filing line, which ends ".". */
export function recipientLines(recipients: readonly string[], filingUnit: string): string[] {
  return [...recipients.map((r) => `- ${r.replace(/[;.]\s*$/, '')};`), `- Lưu: VT, ${filingUnit}.`];
}

/** The heading every document of the office opens with, its "Số:" line already written (numberLine). */
export function documentHeading(identity: OfficeIdentity, numberLine: string, date: IsoDate): DocumentHeading {
  return {
    parentBody: identity.parentBody,
    issuingBody: identity.issuingBody,
    numberLine,
    placeAndDate: placeAndDate(identity.placeName, date),
  };
}

/** "Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh". */
export function councilName(identity: Pick<OfficeIdentity, 'issuingBodyName'>): string {
  return `Hội đồng Thi đua - Khen thưởng ${identity.issuingBodyName}`;
}

/** "Căn cứ kết quả bỏ phiếu của Hội đồng … ngày 03/10/2025;": the council's vote the award rests on. */
export function councilVoteBasis(identity: Pick<OfficeIdentity, 'issuingBodyName'>, councilDate: IsoDate): string {
  return `Căn cứ kết quả bỏ phiếu của ${councilName(identity)} ngày ${shortDate(councilDate)};`;
}

export function buildAwardDecision(input: DecisionInput): AwardDecision {
  const { campaign, date } = input;
  const identity = identityOf(campaign);
  const form = officeAwardForm(campaign);
  const formName = form?.name.vi ?? '';
  const groups = awardeeGroups(awardedByDecision(campaign, input.nominations), input.units, input.people);
  const number = numberLine(input.number, identity.abbreviations.decision, identity.symbol);
  const signer = identity.head.signer;
  return {
    heading: documentHeading(identity, number, date),
    title: 'QUYẾT ĐỊNH',
    subject: `Về việc tặng ${formName} cho các tập thể, cá nhân đã có thành tích xuất sắc trong ${campaign.title}`,
    authority: identity.head.authority,
    bases: [
      ...identity.standingBases.map((basis) => `Căn cứ ${basis.replace(/[;.]\s*$/, '')};`),
      ...campaign.legalBasis.map(basisLine),
      councilVoteBasis(identity, input.councilDate),
    ],
    proposal: `Theo đề nghị của ${identity.proposer}.`,
    decides: 'QUYẾT ĐỊNH:',
    articles: [
      {
        label: 'Điều 1.',
        text: `Tặng ${formName} cho ${awardeeCount(groups)} (có danh sách kèm theo) đã có thành tích xuất sắc trong ${campaign.title}.`,
      },
      { label: 'Điều 2.', text: 'Quyết định này có hiệu lực kể từ ngày ký.' },
      {
        label: 'Điều 3.',
        text: `${identity.proposer}, Thủ trưởng các phòng, ban, đơn vị trực thuộc và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này${BODY_END}`,
      },
    ],
    signature: { lines: signatureLines(signer), name: signer.name },
    recipients: recipientLines(identity.decisionRecipients, identity.filingUnit),
    list: {
      title: 'DANH SÁCH',
      subject: `Tập thể, cá nhân được tặng ${formName}`,
      reference: `(Kèm theo Quyết định số ${number.slice('Số: '.length)} ngày ${shortDate(date)} của ${identity.head.inText})`,
      groups,
    },
  };
}
