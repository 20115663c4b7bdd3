import { Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { officeDocx, run } from '#functions/documents/layout';
import { listTable, xmlText } from '#functions/documents/list-table';
import { unzip } from '#tests/support/docx';

/**
 * The attached list is handed to the docx package as its serialised XML (list-table.ts), for speed.
 * These hold it to the package's own writing: the same escaping as a run's text, and the table where
 * it was put, whole, so that an upgrade of the package that stopped passing it through shows here.
 */
const HOSTILE = `=HYPERLINK("x") & <w:fldSimple w:instr="DATE"/> 'a' {b}\u0001\u001f tab\there`;

async function documentXml(children: Parameters<typeof officeDocx>[1]) {
  return unzip(await officeDocx('t', children)).get('word/document.xml')!;
}

describe('the attached list written as XML', () => {
  it('escapes a text exactly as the package escapes a run of it', async () => {
    const theirs = await documentXml([new Paragraph({ children: [run(HOSTILE)] })]);
    expect(theirs).toContain(`<w:t xml:space="preserve">${xmlText(HOSTILE)}</w:t>`);
  });

  it('lands in the document whole, its texts plain runs, never markup or a field', async () => {
    const table = listTable(
      [
        { header: 'STT', share: 0.2, centre: true },
        { header: 'Tên', share: 0.8, bold: true },
      ],
      [{ heading: 'I. TẬP THỂ', rows: [['1', HOSTILE]] }],
    );
    const xml = await documentXml([table]);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatch(/^<w:tbl><w:tblPr>.*<w:tblHeader\/>.*I\. TẬP THỂ/);
    expect(tables[0]).toContain(`<w:t xml:space="preserve">${xmlText(HOSTILE)}</w:t>`);
    expect(xml).not.toContain('<w:fldSimple');
    expect(xmlText(HOSTILE)).not.toMatch(/[<>"'\u0001\u001f]/);
  });
});
