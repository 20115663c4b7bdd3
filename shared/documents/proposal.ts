import type { ApiErrorCode } from '#shared/api-errors';
import type { Campaign } from '#shared/campaign';
import type { IsoDate } from '#shared/dates';
import type { Nomination } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import { missingDossier } from '#shared/rules/nomination-rules';
import { SEED_OFFICE_IDENTITY } from '#shared/seed/office-identity';
import type { NominationStatus } from '#shared/status';
import { toNfc } from '#shared/text';
import { basisLine, councilName, documentHeading, identityOf, recipientLines, signatureLines, type DocumentHeading } from './decision';
import { countOf, kindCount, kindGroups, listLines, nomineeLines, type AwardeeGroup, type AwardeeRow } from './decision-list';
import { BODY_END, numberLine, shortDate } from './format';
import type { OfficeIdentity, ProposalsIdentity } from './identity';
import type { DocumentLine } from './register';

/**
 * A Tờ trình (proposal) as content: the heading, whom it is addressed to ("Kính gửi: …"), its Căn cứ
 * lines, its body and closing, the signature and the recipients, then its attached list. What the
 * .docx writer lays out (functions/documents/proposal-docx.ts) and what the tests read back.
 */
export interface ProposalLetter {
  heading: DocumentHeading;
  title: string;
  subject: string;
  /** "Kính gửi: …", and a line under it such as "(qua Ban Thi đua - Khen thưởng tỉnh)". */
  addressees: string[];
  bases: string[];
  body: string[];
  /** "Kính trình … xem xét, quyết định./." */
  closing: string;
  signature: { lines: string[]; name: string };
  recipients: string[];
}

/** The attached list's title, what it lists and which Tờ trình it goes with. */
export interface ListCaption {
  title: string;
  subject: string;
  reference: string;
}

/** A line of the Tờ trình to the council: the decision's columns and whether the dossier is complete. */
export interface CouncilRow extends AwardeeRow {
  dossier: string;
}

export interface CouncilProposal extends ProposalLetter {
  /** One section per award form ("I. BẰNG KHEN …"), its collectives then its individuals. */
  list: ListCaption & { sections: { heading: string; groups: AwardeeGroup<CouncilRow>[] }[] };
}

export interface ProposalInput {
  campaign: Campaign;
  units: readonly Unit[];
  people: readonly Person[];
  nominations: readonly Nomination[];
  number?: number;
  date: IsoDate;
}

/** The Tờ trình's signers, addressees and recipients: the campaign's identity's, else the seed office's. */
export function proposalsOf(identity: OfficeIdentity): ProposalsIdentity {
  return identity.proposals ?? SEED_OFFICE_IDENTITY.proposals!;
}

/**
 * What HR put before the council: every live nomination it found eligible, whatever the council
 * decided on it since, so that the Tờ trình regenerated after the vote still says what was proposed.
 */
const PUT_BEFORE_COUNCIL: readonly NominationStatus[] = ['eligible', 'selected', 'not_selected', 'awarded'];

export function proposedToCouncil(nominations: readonly Nomination[]): Nomination[] {
  return nominations.filter((n) => !n.deletedAt && PUT_BEFORE_COUNCIL.includes(n.status));
}

/** The council's list as the register fingerprints it: each line whole, its award form and its dossier's state included. */
export function councilProposalLines(proposal: CouncilProposal): DocumentLine[] {
  return proposal.list.sections.flatMap((section) =>
    listLines(section.groups, (row) => [section.heading, row.name, row.position, row.achievement, row.dossier].join('\t')),
  );
}

/** The Tờ trình to the council needs at least one eligible nomination. */
export function refuseCouncilProposal(proposed: number): ApiErrorCode | undefined {
  return proposed === 0 ? 'DOCUMENT_NOTHING_ELIGIBLE' : undefined;
}

/** "Đầy đủ", or what the dossier lacks ("Thiếu: Tờ trình, Báo cáo thành tích"), by rule 5's own test. */
export function dossierState(campaign: Pick<Campaign, 'dossierRequirements'>, nomination: Pick<Nomination, 'dossier'>): string {
  const missing = missingDossier(campaign, nomination);
  return missing.length === 0 ? 'Đầy đủ' : `Thiếu: ${missing.map((r) => (r.label ?? r.name).vi).join(', ')}`;
}

/**
 * A summary of the achievements for one cell of the list: the text on one line, cut at a word before
 * `max` characters with "…" (the full report is in the dossier; 5,000 lines must fit one response).
 */
export function summaryOf(text: string, max = 300): string {
  // Only the start can show: collapsing spaces and composing marks never lengthen it.
  const flat = toNfc(text.slice(0, max * 4))
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max && text.length <= max * 4) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;.:]+$/, '')}…`;
}

/** "I", "II", … "XX": the numerals of a list's sections. */
export function romanOf(n: number): string {
  const numerals: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let left = n;
  let written = '';
  for (const [value, numeral] of numerals) {
    for (; left >= value; left -= value) written += numeral;
  }
  return written;
}

/** "A", "A và B", "A, B và C". */
function joinedNames(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} và ${names.at(-1)}`;
}

/** The forms of the campaign, in its order, with the nominations proposed for each; a form no longer configured comes last under its code. */
function byForm(campaign: Pick<Campaign, 'awardForms'>, proposed: readonly Nomination[]) {
  const groups = new Map<string, Nomination[]>(campaign.awardForms.map((form) => [form.code, []]));
  for (const n of proposed) {
    const group = groups.get(n.awardForm);
    if (group) group.push(n);
    else groups.set(n.awardForm, [n]);
  }
  const names = new Map(campaign.awardForms.map((form) => [form.code, form.name.vi]));
  return [...groups].filter(([, ns]) => ns.length > 0).map(([code, ns]) => ({ name: names.get(code) ?? code, nominations: ns }));
}

/**
 * The HR office's Tờ trình to the council proposing the review: per award form how many are proposed,
 * how many dossiers are complete, and the list of them with a summary of each one's achievements.
 */
export function buildCouncilProposal(input: ProposalInput): CouncilProposal {
  const { campaign, date } = input;
  const identity = identityOf(campaign);
  const proposals = proposalsOf(identity);
  const council = councilName(identity);
  const number = numberLine(input.number, identity.abbreviations.proposal, identity.symbol);
  const proposed = proposedToCouncil(input.nominations);
  const forms = byForm(campaign, proposed).map((form) => {
    const lines = nomineeLines(form.nominations, input.units, input.people);
    const row = ({ key, name, position, achievement, nomination }: (typeof lines.collectives)[number]): CouncilRow => ({
      key,
      name,
      position,
      achievement: summaryOf(achievement),
      dossier: dossierState(campaign, nomination),
    });
    const groups = kindGroups(lines, row, ['Tập thể', 'Cá nhân'], ['1', '2']);
    return { ...form, groups, count: kindCount(lines.collectives.length, lines.individuals.length) };
  });
  const rows = forms.flatMap((form) => form.groups.flatMap((group) => group.rows));
  const incomplete = rows.filter((row) => row.dossier !== 'Đầy đủ').length;
  const collectives = proposed.filter((n) => n.nomineeKind === 'collective').length;
  const total = kindCount(collectives, proposed.length - collectives);
  const signer = proposals.councilSigner;
  return {
    heading: documentHeading(identity, number, date),
    title: 'TỜ TRÌNH',
    subject: `Về việc đề nghị xét tặng ${joinedNames(forms.map((form) => form.name))} trong ${campaign.title}`,
    addressees: [`Kính gửi: ${council}`],
    bases: campaign.legalBasis.map(basisLine),
    body: [
      `Trên cơ sở hồ sơ đề nghị khen thưởng của các phòng, ban, đơn vị trực thuộc, ${identity.proposer} đã tổng hợp, rà soát và đề nghị ${council} xem xét, bình xét khen thưởng đối với ${total}, cụ thể như sau:`,
      ...forms.map((form, i) => `- ${form.name}: ${form.count}${i === forms.length - 1 ? '.' : ';'}`),
      incomplete === 0
        ? 'Hồ sơ của các tập thể, cá nhân được đề nghị đầy đủ thành phần theo quy định (có danh sách kèm theo).'
        : `Trong đó, ${countOf(rows.length - incomplete)} hồ sơ đầy đủ thành phần theo quy định, ${countOf(incomplete)} hồ sơ còn thiếu thành phần (nêu tại cột “Hồ sơ” của danh sách kèm theo).`,
    ],
    closing: `Kính trình Hội đồng xem xét, quyết định${BODY_END}`,
    signature: { lines: signatureLines(signer), name: signer.name },
    recipients: recipientLines(proposals.councilRecipients, identity.filingUnit),
    list: {
      title: 'DANH SÁCH',
      subject: 'Tập thể, cá nhân đề nghị Hội đồng Thi đua - Khen thưởng xét khen thưởng',
      reference: `(Kèm theo Tờ trình số ${number.slice('Số: '.length)} ngày ${shortDate(date)} của ${identity.proposer})`,
      sections: forms.map((form, i) => ({ heading: `${romanOf(i + 1)}. ${form.name.toLocaleUpperCase('vi')}`, groups: form.groups })),
    },
  };
}
