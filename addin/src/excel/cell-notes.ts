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
  /** Its text as it stands (an unchanged note of the add-in's is left in place). */
  content: string;
  /** Its place in the collection: removals go from the last to the first, so that none moves another. */
  index: number;
  remove(): void;
}

interface Located {
  item: Excel.Note | Excel.Comment;
  location: Excel.Range;
  index: number;
}

/**
 * Finding the notes on a sheet: the collection (their text) and each one's cell (getLocation is a
 * method, not a property a single load could expand). Two round trips when the number of notes is not
 * known beforehand (queueCollection, then queueLocations); one when it is (queueCount in an earlier
 * read, then queueAll: every item by its index, located in the request that lists them, and the count
 * again to tell whether someone added or removed a note in between).
 */
export class NoteListing {
  private located: Located[] = [];
  private collection: Excel.NoteCollection | Excel.CommentCollection | undefined;
  private counted: OfficeExtension.ClientResult<number> | undefined;
  private expected: number | undefined;

  constructor(
    private readonly api: NoteApi,
    private readonly context: Excel.RequestContext,
    private readonly sheet: Excel.Worksheet,
  ) {}

  private source(): Excel.NoteCollection | Excel.CommentCollection | undefined {
    if (this.api === 'notes') return this.sheet.notes;
    if (this.api === 'comments') return this.context.workbook.comments;
    return undefined;
  }

  /** Before a sync: how many notes there are (a read's by-product, for the next write's queueAll). */
  queueCount(): void {
    this.counted = this.source()?.getCount();
  }

  /** After that sync: the count, undefined when the host has neither notes nor comments. */
  get count(): number | undefined {
    return this.counted?.value;
  }

  /** Before the first sync: load the collection. */
  queueCollection(): void {
    const source = this.source();
    this.collection = source?.load('items/content');
    if (this.api === 'comments') this.sheet.load('name');
  }

  /** Before the first sync: the collection, and each of the `count` notes an earlier read counted, located. */
  queueAll(count: number): void {
    this.queueCollection();
    this.queueCount();
    this.expected = count;
    const source = this.source();
    if (!source) return;
    this.located = Array.from({ length: count }, (_, index) => this.locate(source.getItemAt(index), index));
  }

  /** After the sync of queueAll: every note was located (none added meanwhile). */
  locatedAll(): boolean {
    return this.expected !== undefined && (this.counted === undefined || this.counted.value === this.expected);
  }

  /**
   * After the first sync: queue the location of each item `wanted` picks, by whether the add-in wrote it
   * (its text is known by now); false when there is nothing to locate.
   */
  queueLocations(wanted: (ours: boolean) => boolean = () => true): boolean {
    const items: (Excel.Note | Excel.Comment)[] = this.collection?.items ?? [];
    this.located = items.flatMap((item, index) => (wanted(isAddinNote(item.content)) ? [this.locate(item, index)] : []));
    return this.located.length > 0;
  }

  private locate(item: Excel.Note | Excel.Comment, index: number): Located {
    const location = item.getLocation();
    location.load('rowIndex,columnIndex');
    if (this.api === 'comments') location.worksheet.load('name');
    return { item, location, index };
  }

  /** After the locating sync: the notes of the table's sheet. */
  existing(): ExistingNote[] {
    const contents = this.collection?.items.map((item) => item.content) ?? [];
    return this.located
      .filter(({ location }) => this.api !== 'comments' || location.worksheet.name === this.sheet.name)
      .map(({ item, location, index }) => {
        const content = contents[index] ?? '';
        return {
          row: location.rowIndex,
          column: location.columnIndex,
          ours: isAddinNote(content),
          content,
          index,
          remove: () => item.delete(),
        };
      });
  }
}

export function addNote(api: NoteApi, context: Excel.RequestContext, sheet: Excel.Worksheet, cell: Excel.Range, text: string): void {
  if (api === 'notes') sheet.notes.add(cell, addinNoteText(text));
  else if (api === 'comments') context.workbook.comments.add(cell, addinNoteText(text), 'Plain');
}
