import type { Language, Localized } from './localized';
import { RULE_MESSAGES, type RuleCode } from './messages';

export type Severity = 'error' | 'warning';

/** A value of a message: a figure, a plain text, or a name that differs between the languages. */
export type MessageParam = string | number | Localized;
export type MessageParams = Record<string, MessageParam>;

/** One finding of a rule: what, how bad, where (the nomination and its field), and what to tell the user. */
export interface Issue {
  code: RuleCode;
  severity: Severity;
  nominationId?: string;
  rowKey?: string;
  /** A field of the nomination (`dossier.TO_TRINH`, `receivedDate`, …): the add-in maps it to a cell. */
  field?: string;
  params: Record<string, string | number>;
  message: Localized;
}

function resolve(params: MessageParams, language: Language): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'object' ? value[language] : value]));
}

export function makeIssue(
  code: RuleCode,
  severity: Severity,
  target: { nominationId?: string; rowKey?: string; field?: string },
  params: MessageParams = {},
): Issue {
  const template = RULE_MESSAGES[code];
  const issue: Issue = {
    code,
    severity,
    params: resolve(params, 'vi'),
    message: { vi: template.vi(resolve(params, 'vi')), en: template.en(resolve(params, 'en')) },
  };
  if (target.nominationId !== undefined) issue.nominationId = target.nominationId;
  if (target.rowKey !== undefined) issue.rowKey = target.rowKey;
  if (target.field !== undefined) issue.field = target.field;
  return issue;
}

export function worstSeverity(issues: readonly Issue[]): Severity | undefined {
  if (issues.some((issue) => issue.severity === 'error')) return 'error';
  return issues.length > 0 ? 'warning' : undefined;
}
