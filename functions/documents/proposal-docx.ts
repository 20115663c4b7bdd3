import type { Paragraph, Table } from 'docx';
import type { CouncilProposal, ProposalLetter } from '#shared/documents/proposal';
import type { ProvinceProposal } from '#shared/documents/proposal-province';
import { bodyParagraph, centred, headingAndTitle, officeDocx, run, spacer } from './layout';
import {
  attachedList,
  AWARDEE_COLUMNS,
  awardeeBlocks,
  listTable,
  signatureAndRecipients,
  type ListBlock,
  type ListColumn,
} from './list-table';

/**
 * The two Tờ trình, laid out from their content (shared/documents/proposal.ts, proposal-province.ts):
 * heading, title and subject, "Kính gửi:", the Căn cứ lines in italics, the body and its closing, the
 * recipients beside the signature, and on a new page the attached list.
 */
function letter(p: ProposalLetter): (Paragraph | Table)[] {
  return [
    ...headingAndTitle(p),
    ...p.addressees.flatMap((line, i) => centred([run(line)], { after: i === p.addressees.length - 1 ? 240 : 0 })),
    ...p.bases.map((basis) => bodyParagraph([run(basis, { italics: true })])),
    ...p.body.map((text) => bodyParagraph([run(text)])),
    bodyParagraph([run(p.closing)]),
    spacer(120),
    signatureAndRecipients(p),
  ];
}

/** The council's list: the decision's columns, the achievements summarised, and whether the dossier is complete. */
const COUNCIL_COLUMNS: readonly ListColumn[] = [
  { header: 'STT', share: 0.08, centre: true },
  { header: 'Tên tập thể, cá nhân', share: 0.22, bold: true },
  { header: 'Chức vụ, đơn vị', share: 0.2 },
  { header: 'Tóm tắt thành tích', share: 0.36 },
  { header: 'Hồ sơ', share: 0.14 },
];

/** Each award form's heading, then its collectives and its individuals, numbered from 1 in each. */
function councilBlocks(list: CouncilProposal['list']): ListBlock[] {
  return list.sections.flatMap((section) => [
    { heading: section.heading, rows: [] },
    ...section.groups.map((group) => ({
      heading: group.heading,
      rows: group.rows.map((row, i) => [String(i + 1), row.name, row.position, row.achievement, row.dossier]),
    })),
  ]);
}

export async function councilProposalDocx(proposal: CouncilProposal): Promise<Buffer> {
  const list = listTable(COUNCIL_COLUMNS, councilBlocks(proposal.list));
  return officeDocx(`${proposal.title} ${proposal.heading.numberLine}`, [...letter(proposal), ...attachedList(proposal.list, list)]);
}

export async function provinceProposalDocx(proposal: ProvinceProposal): Promise<Buffer> {
  const list = listTable(AWARDEE_COLUMNS, awardeeBlocks(proposal.list.groups));
  return officeDocx(`${proposal.title} ${proposal.heading.numberLine}`, [...letter(proposal), ...attachedList(proposal.list, list)]);
}
