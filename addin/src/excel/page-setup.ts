/// <reference types="office-js" />

/**
 * How a sheet prints, as plain data (A4, orientation, fit, margins, title rows, print area, footer),
 * and the one place that queues it onto a worksheet's page layout: the nomination sheet's layout and
 * the council's sheets share it. Page layout is ExcelApi 1.9; callers skip it on an older host (the
 * sheet is still written, only without its print settings).
 */
export interface PageSetup {
  orientation: 'Portrait' | 'Landscape';
  paperSize: 'A4';
  /** Fit to this many pages wide (tall: as many as needed). */
  fitPagesWide: number;
  /** Margins in points (1 cm = 28.35 pt). */
  margins: { top: number; bottom: number; left: number; right: number };
  centerHorizontally: boolean;
  /** Rows repeated at the top of every printed page, as whole rows ("$1:$1"). */
  printTitleRows?: string;
  /** The cells printed ("A1:D30"); absent, Excel prints the used range (a table that grows keeps printing whole). */
  printArea?: string;
  /** The footer's centre, in Excel's codes ("Trang &P/&N": this page of that many). */
  centerFooter?: string;
}

/** 1 cm in points. */
export const CM = 28.35;

/** The requirement set of Worksheet.pageLayout. */
export const PAGE_LAYOUT_SET = ['ExcelApi', '1.9'] as const;

/** Queues the page setup onto the sheet: no sync here, it goes with the caller's batch. */
export function queuePageSetup(sheet: Excel.Worksheet, setup: PageSetup): void {
  const page = sheet.pageLayout;
  page.orientation = setup.orientation;
  page.paperSize = setup.paperSize;
  // Fit to the width only: a long list or minutes run onto as many pages as their length needs.
  page.zoom = { horizontalFitToPages: setup.fitPagesWide };
  page.topMargin = setup.margins.top;
  page.bottomMargin = setup.margins.bottom;
  page.leftMargin = setup.margins.left;
  page.rightMargin = setup.margins.right;
  page.centerHorizontally = setup.centerHorizontally;
  if (setup.printTitleRows) page.setPrintTitleRows(setup.printTitleRows);
  if (setup.printArea) page.setPrintArea(setup.printArea);
  if (setup.centerFooter) {
    page.headersFooters.state = 'Default';
    page.headersFooters.defaultForAllPages.centerFooter = setup.centerFooter;
  }
}
