import type { StoredCampaign } from '#shared/api/campaign';
import type { DossierFile } from '#shared/dossier-files';
import type { Issue } from '#shared/issues';
import type { Localized } from '#shared/localized';
import type { FileCounts, NominationFields } from '#shared/nomination';
import { checkNomination, makeRuleContext } from '#shared/rules/index';
import type { CellValue, ColumnDef, SheetContext } from '#shared/sheet/columns';
import type { RowContent } from '#addin/app/sheet/row-content';
import { withCells } from '#addin/app/sheet/sheet';

/** The pane's "Hồ sơ đính kèm" for one nomination: the campaign's documents, each with its files. */
export interface DossierDocumentView {
  code: string;
  name: Localized;
  files: DossierFile[];
  /** Deleted less than 30 days ago: "Khôi phục". */
  deleted: DossierFile[];
}

/** The documents of the campaign's dossier in its order, each with its stored and deleted files. */
export function documentsView(campaign: Pick<StoredCampaign, 'dossierRequirements'>, files: readonly DossierFile[]): DossierDocumentView[] {
  return campaign.dossierRequirements.map((requirement) => ({
    code: requirement.code,
    name: requirement.label ?? requirement.name,
    files: files.filter((file) => file.document === requirement.code && file.status === 'stored'),
    deleted: files.filter((file) => file.document === requirement.code && file.status === 'deleted'),
  }));
}

/** The stored files per document, as the server counts them beside the nomination. */
export function fileCounts(files: readonly DossierFile[]): FileCounts {
  const counts: FileCounts = {};
  for (const file of files) if (file.status === 'stored') counts[file.document] = (counts[file.document] ?? 0) + 1;
  return counts;
}

/** The cells of the derived "Số tệp …" columns, from the counts (0 for a document without files). */
export function countCells(campaign: Pick<StoredCampaign, 'dossierRequirements'>, counts: FileCounts): Record<string, CellValue> {
  return Object.fromEntries(campaign.dossierRequirements.map((r) => [`dossier.${r.code}.files`, counts[r.code] ?? 0]));
}

/**
 * A saved row's findings once its files changed: only rule 5 (and the dossier's dates) read the files,
 * so the findings on the dossier's fields are the shared rules' again with the new counts, and every
 * other finding (duplicates, quotas: the server's) stays as the last report or save gave it.
 */
export function findingsWithFiles(
  ctx: SheetContext,
  nomination: { id: string; fields: NominationFields },
  counts: FileCounts,
  previous: readonly Issue[],
): Issue[] {
  const onDossier = (issue: Issue) => issue.field?.startsWith('dossier.') === true;
  const rules = makeRuleContext(ctx.campaign, ctx.units, ctx.people);
  const dossier = checkNomination(rules, { ...nomination.fields, files: counts }, { nominationId: nomination.id }).filter(onDossier);
  const kept = previous.filter((issue) => issue.nominationId === nomination.id && !onDossier(issue));
  return [...kept, ...dossier];
}

/** What to write on the row: its cells with the new counts, and the findings as messages, fill and notes. */
export function dossierRowContent(
  values: readonly CellValue[],
  columns: readonly ColumnDef[],
  campaign: Pick<StoredCampaign, 'dossierRequirements'>,
  counts: FileCounts,
  findings: Pick<RowContent, 'messages' | 'mark' | 'notes'>,
): RowContent {
  const cells = withCells(values, columns, { ...countCells(campaign, counts), messages: findings.messages });
  return { values: cells, ...findings };
}
