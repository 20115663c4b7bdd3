/// <reference types="office-js" />

/**
 * Notes on offending cells. Excel has two kinds: notes (the old yellow "comments", worksheet.notes,
 * ExcelApi 1.18) and threaded comments (workbook.comments, ExcelApi 1.10). Notes are what a finding is:
 * a remark on a cell, no thread, no @mentions; comments are the fallback on hosts without 1.18, and on
 * hosts with neither the messages column alone carries the findings. The choice is made once per gateway.
 *
 * Only notes the add-in wrote are ever removed: they start with NOTE_HEADING. A note a person put on a
 * cell is left alone, and the add-in does not put its own on that cell (a cell holds one note).
 */
export type NoteApi = 'notes' | 'comments' | 'none';

export const NOTE_HEADING = 'Kết quả kiểm tra:';

export function addinNoteText(text: string): string {
  return `${NOTE_HEADING}\n${text}`;
}

export function isAddinNote(content: string | undefined): boolean {
  return (content ?? '').startsWith(NOTE_HEADING);
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function chooseNoteApi(isSetSupported: IsSetSupported | undefined): NoteApi {
  if (!isSetSupported) return 'none';
  if (isSetSupported('ExcelApi', '1.18')) return 'notes';
  if (isSetSupported('ExcelApi', '1.10')) return 'comments';
  return 'none';
}

/** A note or comment on the table's sheet, by 0-based sheet row and column. */
export interface ExistingNote {
  row: number;
  column: number;
  ours: boolean;
  remove(): void;
}

interface Located {
  item: Excel.Note | Excel.Comment;
  location: Excel.Range;
}

/**
 * Finding the notes on a sheet takes two round trips: the collection (how many, their text), then
 * each one's cell (getLocation is a method, not a property a single load could expand). When the
 * first answer leaves no note worth locating, the second trip is skipped.
 */
export class NoteListing {
  private located: Located[] = [];
  private collection: Excel.NoteCollection | Excel.CommentCollection | undefined;

  constructor(
    private readonly api: NoteApi,
    private readonly context: Excel.RequestContext,
    private readonly sheet: Excel.Worksheet,
  ) {}

  /** Before the first sync: load the collection. */
  queueCollection(): void {
    if (this.api === 'notes') this.collection = this.sheet.notes.load('items/content');
    else if (this.api === 'comments') {
      this.collection = this.context.workbook.comments.load('items/content');
      this.sheet.load('name');
    }
  }

  /**
   * After the first sync: queue the location of each item `wanted` picks, by whether the add-in wrote it
   * (its text is known by now); false when there is nothing to locate.
   */
  queueLocations(wanted: (ours: boolean) => boolean = () => true): boolean {
    const items: (Excel.Note | Excel.Comment)[] = this.collection?.items ?? [];
    this.located = items
      .filter((item) => wanted(isAddinNote(item.content)))
      .map((item) => {
        const location = item.getLocation();
        location.load('rowIndex,columnIndex');
        if (this.api === 'comments') location.worksheet.load('name');
        return { item, location };
      });
    return this.located.length > 0;
  }

  /** After the second sync: the notes of the table's sheet. */
  existing(): ExistingNote[] {
    return this.located
      .filter(({ location }) => this.api !== 'comments' || location.worksheet.name === this.sheet.name)
      .map(({ item, location }) => ({
        row: location.rowIndex,
        column: location.columnIndex,
        ours: isAddinNote(item.content),
        remove: () => item.delete(),
      }));
  }
}

export function addNote(api: NoteApi, context: Excel.RequestContext, sheet: Excel.Worksheet, cell: Excel.Range, text: string): void {
  if (api === 'notes') sheet.notes.add(cell, addinNoteText(text));
  else if (api === 'comments') context.workbook.comments.add(cell, addinNoteText(text), 'Plain');
}
