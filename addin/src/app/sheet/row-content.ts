import { API_ERRORS, type ApiErrorCode } from '#shared/api-errors';
import type { RowResult } from '#shared/api/index';
import type { Issue } from '#shared/issues';
import type { Language, Localized } from '#shared/localized';
import { columnForField, type ColumnDef } from '#shared/sheet/columns';
import type { CellProblem } from '#shared/sheet/parse-row';
import type { RowMark, RowWrite } from '#addin/excel/gateway';
import { translate } from '#addin/i18n/index';

/** What goes onto one row besides its position: values, bookkeeping, messages, mark and notes. */
export type RowContent = Omit<RowWrite, 'rowIndex'>;

type Note = RowWrite['notes'][number];

function addNote(notes: Note[], columnId: string | undefined, text: string) {
  if (!columnId) return;
  const existing = notes.find((note) => note.columnId === columnId);
  if (existing) existing.text = `${existing.text}\n${text}`;
  else notes.push({ columnId, text });
}

/**
 * The messages, mark and notes of a row from the rule findings: one line per finding, errors first,
 * prefixed by severity; the fill by the worst finding (ok when none); a note on each cell a finding
 * points at, with its message (a rule's code is the program's, not the reader's).
 */
export function issueContent(
  issues: readonly Issue[],
  columns: readonly ColumnDef[],
  language: Language,
): Pick<RowContent, 'messages' | 'mark' | 'notes'> {
  const ordered = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const lines = ordered.map(
    (issue) => `${translate(language, issue.severity === 'error' ? 'sheet.errorPrefix' : 'sheet.warningPrefix')}${issue.message[language]}`,
  );
  const notes: Note[] = [];
  for (const issue of ordered) {
    addNote(notes, columnForField(columns, issue.field)?.id, issue.message[language]);
  }
  const mark: RowMark = ordered.some((issue) => issue.severity === 'error') ? 'error' : ordered.length > 0 ? 'warning' : 'ok';
  return { messages: lines.join('\n'), mark, notes };
}

/** A row the add-in cannot send: its cells' problems, shown at once. */
export function problemContent(problems: readonly CellProblem[], columns: readonly ColumnDef[], language: Language): RowContent {
  const notes: Note[] = [];
  const lines = problems.map((problem) => {
    const header = columns.find((column) => column.id === problem.columnId)?.header ?? problem.columnId;
    addNote(notes, problem.columnId, problem.message[language]);
    return `${translate(language, 'sheet.errorPrefix')}${translate(language, 'sheet.problem', { column: header, message: problem.message[language] })}`;
  });
  return { messages: lines.join('\n'), mark: 'problem', notes };
}

/** A row the server (or the add-in, knowing the server would) refuses for the user's role. */
export function refusalContent(message: Localized, columnId: string | undefined, language: Language): RowContent {
  const notes: Note[] = [];
  addNote(notes, columnId, message[language]);
  return { messages: `${translate(language, 'sheet.errorPrefix')}${message[language]}`, mark: 'error', notes };
}

export function apiErrorMessage(code: ApiErrorCode): Localized {
  return { vi: API_ERRORS[code].vi, en: API_ERRORS[code].en };
}

/** The column to point at for a refusal of the role checks. */
export function refusalColumn(code: string): string {
  if (code === 'FORBIDDEN_UNIT') return 'unit';
  if (code === 'RETURN_REASON_MISSING') return 'returnReason';
  return 'status';
}

/** A row someone else changed meanwhile: the pane shows who and when; the sheet only says to choose. */
export function conflictContent(language: Language): RowContent {
  return { messages: translate(language, 'sheet.conflict'), mark: 'conflict', notes: [] };
}

/** A quota the save would have broken: the row stays unsaved, the message names the quota and figures. */
export function refusedContent(result: RowResult, columns: readonly ColumnDef[], language: Language): RowContent {
  const refusal = result.refusal;
  if (!refusal) return { messages: translate(language, 'sheet.unsaved'), mark: 'error', notes: [] };
  const notes: Note[] = [];
  addNote(notes, columnForField(columns, refusal.field)?.id, refusal.message[language]);
  return { messages: `${translate(language, 'sheet.errorPrefix')}${refusal.message[language]}`, mark: 'error', notes };
}

/** A row that did not reach the server: still unsaved, and why. */
export function unsentContent(language: Language, failure: { retryable: boolean; localized: Localized } | undefined): RowContent {
  const messages =
    !failure || failure.retryable
      ? translate(language, 'sheet.unsavedRetry')
      : translate(language, 'sheet.unsavedError', { message: failure.localized[language] });
  return { messages, mark: 'unsaved', notes: [] };
}
