import type { Campaign } from '#shared/campaign';
import type { DossierDocument } from '#shared/nomination';
import { cellText, dateCell, readDate, sheetText, type ColumnDef } from './cells';
import { NO, normalize, YES } from './labels';

/** The row's entry for a document, made when a first cell of it is filled. */
function documentOf(row: Record<string, unknown>, code: string): DossierDocument {
  const dossier = (row.dossier ??= {}) as Record<string, DossierDocument>;
  return (dossier[code] ??= { present: false });
}

/**
 * Four columns per document the campaign asks for: whether it is there, its number and its date as
 * typed, and how many scanned files are attached to it (derived: locked, never read back).
 */
export function buildDossierColumns(campaign: Campaign): ColumnDef[] {
  return campaign.dossierRequirements.flatMap((requirement): ColumnDef[] => {
    const label = requirement.label?.vi ?? requirement.name.vi;
    const field = `dossier.${requirement.code}`;
    return [
      {
        id: `${field}.present`,
        header: label,
        width: 12,
        role: 'input',
        format: 'text',
        field,
        options: [YES, NO],
        write: (n) => (n.dossier[requirement.code]?.present ? YES : NO),
        read: (value, { row }) => {
          if (normalize(cellText(value)) === normalize(YES)) documentOf(row, requirement.code).present = true;
        },
      },
      {
        id: `${field}.number`,
        header: `Số ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
        width: 14,
        role: 'input',
        format: 'text',
        field,
        write: (n) => sheetText(n.dossier[requirement.code]?.number),
        read: (value, { row }) => {
          const number = cellText(value);
          if (number) documentOf(row, requirement.code).number = number;
        },
      },
      {
        id: `${field}.date`,
        header: `Ngày ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
        width: 12,
        role: 'input',
        format: 'date',
        field,
        write: (n) => dateCell(n.dossier[requirement.code]?.date),
        read: (value, reader) => {
          const date = readDate(value, reader);
          if (date) documentOf(reader.row, requirement.code).date = date;
        },
      },
      // The scans attached in the pane ("Hồ sơ đính kèm"): counted by the server, shown, never typed.
      {
        id: `${field}.files`,
        header: `Số tệp ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
        width: 9,
        role: 'derived',
        format: 'general',
        field,
        write: (n) => n.files?.[requirement.code] ?? 0,
      },
    ];
  });
}
