import type { Language, Localized } from './localized';
import { RULE_MESSAGES, type RuleCode } from './messages';
import type { Issue, Severity } from './api/issue';

/** The shape of a finding is the API's (shared/api/issue.ts). */
export type { Issue, Severity };

/** A value of a message: a figure, a plain text, or a name that differs between the languages. */
export type MessageParam = string | number | Localized;
export type MessageParams = Record<string, MessageParam>;

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
