import type { Paragraph, Table } from 'docx';
import type { AwardDecision } from '#shared/documents/decision';
import { FONT } from '#shared/documents/format';
import { bodyParagraph, centred, headingAndTitle, officeDocx, run, spacer } from './layout';
import { attachedList, AWARDEE_COLUMNS, awardeeBlocks, listTable, signatureAndRecipients } from './list-table';

/**
 * The Quyết định awarding the office's Giấy khen, laid out from its content (shared/documents/decision.ts):
 * heading, title and subject, authority, Căn cứ lines in italics, the articles, the recipients beside
 * the signature, and on a new page the Danh sách kèm theo as a table. Every text is a run of plain
 * text: a name that reads like a formula or a field code stays text in Word.
 */
export async function decisionDocx(decision: AwardDecision): Promise<Buffer> {
  const list = listTable(AWARDEE_COLUMNS, awardeeBlocks(decision.list.groups));
  return officeDocx(`${decision.title} ${decision.heading.numberLine}`, [...decisionBody(decision), ...attachedList(decision.list, list)]);
}

function decisionBody(d: AwardDecision): (Paragraph | Table)[] {
  return [
    ...headingAndTitle(d),
    ...centred([run(d.authority, { size: FONT.title, bold: true })], { after: 240 }),
    ...d.bases.map((basis) => bodyParagraph([run(basis, { italics: true })])),
    bodyParagraph([run(d.proposal, { italics: true })]),
    ...centred([run(d.decides, { size: FONT.title, bold: true })], { after: 120 }),
    ...d.articles.map((article) => bodyParagraph([run(article.label, { bold: true }), run(` ${article.text}`)])),
    spacer(120),
    signatureAndRecipients(d),
  ];
}
