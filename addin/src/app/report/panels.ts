import type { Campaign } from '#shared/campaign';
import type { Issue, Severity } from '#shared/issues';
import type { Localized } from '#shared/localized';
import type { RuleCode } from '#shared/messages';
import type { Unit, User } from '#shared/org';
import { actsOnOfficeQuotas } from '#shared/policy/council';
import type { QuotaUsage } from '#shared/rules/quota';
import { columnForField, type ColumnDef } from '#shared/sheet/columns';
import { compareVietnamese } from '#shared/text';

/** One line of the quota panel: places used of the cap, and the candidates competing for them. */
export interface QuotaRow {
  key: string;
  awardForm: string;
  awardFormName: Localized;
  /** The unit's name for a unit quota; undefined for the whole campaign. */
  scopeName?: string;
  used: number;
  max: number;
  candidates: number;
  /** Red: more places taken than the cap. */
  over: boolean;
  /** More candidates than places: normal before the council votes. */
  crowded: boolean;
  /** The user can act on it (its badges are shown): whoever selects, or a clerk on the unit's own quota. */
  actionable: boolean;
}

/**
 * The quota panel's lines. A unit clerk does not select (the council does): an office-wide quota's
 * badges are not theirs to act on, so only their own unit's quota shows them.
 */
export function quotaRows(
  usage: readonly QuotaUsage[],
  campaign: Campaign,
  units: readonly Unit[],
  viewer?: Pick<User, 'role' | 'unitId'>,
): QuotaRow[] {
  const selects = !viewer || actsOnOfficeQuotas(viewer);
  const formOrder = (code: string) => campaign.awardForms.findIndex((form) => form.code === code);
  return usage
    .map((entry): QuotaRow => {
      const form = campaign.awardForms.find((candidate) => candidate.code === entry.awardForm);
      const row: QuotaRow = {
        key: `${entry.ruleId}#${entry.scopeKey}`,
        awardForm: entry.awardForm,
        awardFormName: form?.name ?? { vi: entry.awardForm, en: entry.awardForm },
        used: entry.used,
        max: entry.max,
        candidates: entry.candidates,
        over: entry.used > entry.max,
        crowded: entry.candidates > entry.max,
        actionable: selects || (entry.scope === 'unit' && entry.scopeKey === viewer?.unitId),
      };
      if (entry.scope === 'unit') row.scopeName = units.find((unit) => unit.id === entry.scopeKey)?.name ?? entry.scopeKey;
      return row;
    })
    .sort((a, b) => formOrder(a.awardForm) - formOrder(b.awardForm) || compareVietnamese(a.scopeName ?? '', b.scopeName ?? ''));
}

export interface IssueItem {
  key: string;
  code: RuleCode;
  severity: Severity;
  message: Localized;
  nominationId?: string;
  field?: string;
  /** The nominee as the sheet shows it, to tell the rows apart. */
  label?: string;
}

export interface IssueGroup {
  code: RuleCode;
  severity: Severity;
  items: IssueItem[];
}

/** The validation report's findings grouped by rule, errors first, then the largest groups. */
export function groupIssues(issues: readonly Issue[], labels: ReadonlyMap<string, string> = new Map()): IssueGroup[] {
  const groups = new Map<RuleCode, IssueGroup>();
  issues.forEach((issue, index) => {
    let group = groups.get(issue.code);
    if (!group) {
      group = { code: issue.code, severity: issue.severity, items: [] };
      groups.set(issue.code, group);
    }
    if (issue.severity === 'error') group.severity = 'error';
    const item: IssueItem = {
      key: `${issue.code}#${issue.nominationId ?? ''}#${issue.field ?? ''}#${index}`,
      code: issue.code,
      severity: issue.severity,
      message: issue.message,
    };
    if (issue.nominationId) item.nominationId = issue.nominationId;
    if (issue.field) item.field = issue.field;
    const label = issue.nominationId ? labels.get(issue.nominationId) : undefined;
    if (label) item.label = label;
    group.items.push(item);
  });
  return [...groups.values()].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || b.items.length - a.items.length || a.code.localeCompare(b.code),
  );
}

/** The cell an issue points at: its nomination's row (as last read) and its field's column. */
export function issueCell(
  item: Pick<IssueItem, 'nominationId' | 'field'>,
  rowIds: ReadonlyMap<string, number>,
  columns: readonly ColumnDef[],
): { rowIndex: number; columnId: string } | undefined {
  const rowIndex = item.nominationId ? rowIds.get(item.nominationId) : undefined;
  if (rowIndex === undefined) return undefined;
  const column = columnForField(columns, item.field) ?? columns.find((candidate) => candidate.id === 'nominee') ?? columns[0];
  return column ? { rowIndex, columnId: column.id } : undefined;
}
