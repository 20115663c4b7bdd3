/// <reference types="office-js" />
import { parseBallotSheet, type BallotSheetSchema, type ParsedBallots } from '#shared/council/ballot-sheet';
import type { TallyMinutes } from '#shared/council/minutes';
import type { PaperBallot } from '#shared/council/paper-ballot';
import type { TallyResult } from '#shared/council/tally';
import type { CouncilSheets } from './council-gateway';
import { a1, letter, type Block, type CellStyle, type SheetDoc } from './council-doc';
import { ballotSheetDoc, minutesSheetDoc, resultSheetDoc } from './council-layout';
import { toExcelFailure } from './excel-errors';
import { ExcelFailure } from './gateway';
import { widthInPoints } from './layout';
import { OfficeSession, type OfficeSessionOptions } from './office-session';
import { paperBallotDoc } from './paper-ballot-layout';
import { PAGE_LAYOUT_SET, queuePageSetup } from './page-setup';
import type { EventsState } from './write-batches';

/** isSetSupported decides the page layout, which needs ExcelApi 1.9. */
export type OfficeCouncilSheetsOptions = OfficeSessionOptions;

export function createOfficeCouncilSheets(options: OfficeCouncilSheetsOptions = {}): CouncilSheets {
  return new OfficeCouncilSheets(options);
}

const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/** One style on one range: only the members the style names are touched. */
function applyStyle(range: Excel.Range, block: Block, style: CellStyle): void {
  const format = range.format;
  if (style.merge) range.merge(false);
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.align) format.horizontalAlignment = style.align;
  if (style.valign) format.verticalAlignment = style.valign;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.fill) format.fill.color = style.fill;
  if (style.grid) {
    const edges: string[] = [...BORDERS];
    if (block.rows > 1) edges.push('InsideHorizontal');
    if (block.columns > 1) edges.push('InsideVertical');
    for (const edge of edges) format.borders.getItem(edge as Excel.BorderIndex).style = 'Continuous';
  }
}

/**
 * Queues a whole SheetDoc onto a fresh worksheet: widths; the text format of the input cells before
 * any value; the values (one block); the add-in's formulas; then the formats, merges, data validations,
 * conditional formats, frozen rows, font and page setup. Nothing here syncs: the caller's one sync
 * sends it all, so the request count does not depend on the ballots.
 */
export function queueDoc(sheet: Excel.Worksheet, doc: SheetDoc, pageLayout: boolean): void {
  const range = (block: Block) => sheet.getRange(a1(block));
  doc.widths.forEach((width, column) => (sheet.getRange(`${letter(column)}1`).format.columnWidth = widthInPoints(width)));
  for (const block of doc.textBlocks) range(block).numberFormat = everyCell('@');
  const height = doc.values.length;
  const width = doc.values[0]?.length ?? 0;
  const all: Block = { row: 0, column: 0, rows: height, columns: width };
  if (height > 0 && width > 0) range(all).values = doc.values;
  for (const { block, formulas } of doc.formulas) range(block).formulas = formulas;
  if (doc.font && height > 0 && width > 0) {
    const font = range(all).format.font;
    font.name = doc.font.name;
    font.size = doc.font.size;
  }
  for (const { block, style } of doc.styles) applyStyle(range(block), block, style);
  for (const { row, points } of doc.rowHeights) sheet.getRange(`A${row + 1}`).format.rowHeight = points;
  for (const { block, rule, alert } of doc.validations) {
    const validation = range(block).dataValidation;
    validation.rule = 'list' in rule ? { list: { inCellDropDown: true, source: rule.list } } : { custom: { formula: rule.custom } };
    validation.errorAlert = { showAlert: true, style: 'Stop', title: alert.title, message: alert.message };
  }
  for (const { block, max, fill, fontColor } of doc.overLimits) {
    const conditional = range(block).conditionalFormats.add('CellValue');
    conditional.cellValue.format.fill.color = fill;
    conditional.cellValue.format.font.color = fontColor;
    conditional.cellValue.rule = { formula1: String(max), operator: 'GreaterThan' };
  }
  if (doc.freezeRows) sheet.freezePanes.freezeRows(doc.freezeRows);
  if (doc.page && pageLayout) queuePageSetup(sheet, doc.page);
  sheet.activate();
}

/**
 * One number format for every cell of a range, whatever its size: Office.js applies a single value to
 * a multi-cell range (see setEveryCell in write-ops.ts); the typings only know the 2-D form.
 */
function everyCell(format: string): string[][] {
  return format as unknown as string[][];
}

class OfficeCouncilSheets extends OfficeSession<OfficeCouncilSheetsOptions> implements CouncilSheets {
  async writeBallotSheet(schema: BallotSheetSchema): Promise<'created' | 'kept'> {
    return this.writeDoc(ballotSheetDoc(schema));
  }

  async readBallotSheet(schema: BallotSheetSchema): Promise<ParsedBallots | undefined> {
    try {
      return await this.run(async (context) => {
        // One round trip: a missing sheet fails the sync with ItemNotFound (caught below).
        const used = context.workbook.worksheets.getItem(schema.sheetName).getUsedRange(true).load('values,rowIndex,columnIndex');
        await this.sync(context);
        // The used range starts where the data does: padded back to A1, so that columns are the schema's.
        const pad = (row: unknown[]) => [...Array.from({ length: used.columnIndex }, () => ''), ...row];
        const values = [...Array.from({ length: used.rowIndex }, () => [] as unknown[]), ...used.values.map(pad)];
        return parseBallotSheet(schema, values);
      });
    } catch (error) {
      if (error instanceof ExcelFailure && error.code === 'ItemNotFound') return undefined;
      throw error;
    }
  }

  async writeResultSheet(input: { round: number; campaignTitle: string; result: TallyResult; minutes: TallyMinutes }): Promise<void> {
    await this.writeDoc(resultSheetDoc(input), this.isSetSupported(...PAGE_LAYOUT_SET));
  }

  async writeMinutesSheet(minutes: TallyMinutes): Promise<{ pageSetup: boolean }> {
    const pageSetup = this.isSetSupported(...PAGE_LAYOUT_SET);
    await this.writeDoc(minutesSheetDoc(minutes), pageSetup);
    return { pageSetup };
  }

  async writePaperBallot(ballot: PaperBallot): Promise<{ pageSetup: boolean }> {
    const pageSetup = this.isSetSupported(...PAGE_LAYOUT_SET);
    await this.writeDoc(paperBallotDoc(ballot), pageSetup);
    return { pageSetup };
  }

  /**
   * Two syncs: the first sees whether the sheet exists; the second deletes an output sheet of that
   * name (or, for a 'keep' doc, only shows the existing one) and writes the whole doc onto a new sheet,
   * with the add-in's events off meanwhile.
   */
  private writeDoc(doc: SheetDoc, pageLayout = false): Promise<'created' | 'kept'> {
    return this.run(async (context, events) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(doc.name);
      await this.sync(context);
      if (!existing.isNullObject && doc.existing === 'keep') {
        existing.activate();
        await this.sync(context);
        return 'kept';
      }
      context.runtime.enableEvents = false;
      if (!existing.isNullObject) existing.delete();
      const sheet = context.workbook.worksheets.add(doc.name);
      queueDoc(sheet, doc, pageLayout);
      context.runtime.enableEvents = true;
      events.eventsOff = true;
      await this.sync(context);
      events.eventsOff = false;
      return 'created';
    }, true);
  }

  /** One Excel.run (delayForCellEdit), errors as ExcelFailure; events back on if a write failed with them off. */
  private async run<T>(batch: (context: Excel.RequestContext, events: EventsState) => Promise<T>, write = false): Promise<T> {
    const excel = this.excel();
    const events: EventsState = { eventsOff: false };
    try {
      return await excel.run({ delayForCellEdit: true }, (context) => batch(context, events));
    } catch (error) {
      if (write && events.eventsOff) {
        await excel
          .run(async (context) => {
            context.runtime.enableEvents = true;
            await this.sync(context);
          })
          .catch(() => undefined);
      }
      throw toExcelFailure(error);
    }
  }
}
