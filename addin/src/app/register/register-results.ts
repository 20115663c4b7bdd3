import type { HistoryRowResult } from '#shared/api/register';
import { sheetText, type CellValue } from '#shared/sheet/cells';
import type { OrgSheetRead } from '#shared/sheet/org-sheet';
import { HISTORY_SCHEMA, type HistoryFields } from '#shared/sheet/register-sheets';
import type { ColumnWrite } from '#addin/excel/office-org-sheets';
import { localized } from '#addin/i18n/index';

/** A column's letters (0 → A, 26 → AA). */
const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(65 + (n % 26));

/** "Họ và tên / Tên tập thể (B5): …": the cell a message is about, then the message (the workbook's language). */
function atCell(read: OrgSheetRead<HistoryFields>, index: number, columnId: string | undefined, text: string): string {
  const column = HISTORY_SCHEMA.columns.find((c) => c.id === columnId);
  const at = column && read.at[column.id];
  return column ? `${column.header}${at === undefined ? '' : ` (${letters(at)}${index + 1})`}: ${text}` : text;
}

/**
 * What an import writes back, a whole column each (one Excel request): every row numbered, and in the
 * messages cell the row's cell problems (not sent), or what became of it and the server's findings.
 */
export function historyMessages(
  read: OrgSheetRead<HistoryFields>,
  values: readonly (readonly CellValue[])[],
  results: readonly HistoryRowResult[],
): ColumnWrite[] {
  const firstRow = read.headerRow + 1;
  const length = Math.max(0, ...read.rows.map((row) => row.index + 1)) - firstRow;
  const column = (id: string) => read.at[id];
  const cells = (id: string) => Array.from({ length }, (_, i) => values[firstRow + i]?.[column(id)!] ?? '');
  const ordinals = column('ordinal') === undefined ? undefined : cells('ordinal');
  const messages = column('messages') === undefined ? undefined : cells('messages');
  const byRow = new Map(results.map((result) => [Number(result.rowKey) - 1, result]));
  read.rows.forEach((row, n) => {
    if (ordinals) ordinals[row.index - firstRow] = n + 1;
    if (!messages) return;
    const result = byRow.get(row.index);
    const texts = result
      ? [
          localized(`register.outcome.${result.outcome}`).vi,
          ...result.issues.map((issue) =>
            atCell(read, row.index, HISTORY_SCHEMA.columns.find((c) => c.field === issue.field)?.id, issue.message.vi),
          ),
        ]
      : row.problems.map((p) => atCell(read, row.index, p.columnId, p.message.vi));
    messages[row.index - firstRow] = sheetText(texts.join('; '));
  });
  return [
    ...(ordinals ? [{ column: column('ordinal')!, values: ordinals }] : []),
    ...(messages ? [{ column: column('messages')!, values: messages }] : []),
  ];
}
