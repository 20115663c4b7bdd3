import type { AwardForm } from '#shared/campaign';
import { toNfc } from '#shared/text';
import type { Ballot, Candidate, RoundForm } from './round';

/**
 * The ballot sheet's column schema (phiếu bầu): ONE description of the columns that drives the sheet's
 * layout (addin/src/excel/council-layout.ts) and the parsing of what the secretary typed back into it
 * (parseBallotSheet), as shared/sheet/columns.ts does for the nomination sheet.
 *
 *   A            | form 1 (n suất)               | form 2 (m suất)      | …
 *   Số phiếu     | candidate … candidate | Số ô đánh dấu | candidate … | Số ô đánh dấu
 *   1            |    x                  | =COUNTA(…)    | …
 *
 * Two header rows, then one row per ballot number. Every numbered row is a ballot handed in: a ballot
 * left blank votes for no one (and counts among the collected ones); the row of a ballot not handed in
 * is deleted.
 */
export type BallotColumn =
  | { kind: 'number'; header: string }
  | { kind: 'candidate'; header: string; nominationId: string; awardForm: string }
  | { kind: 'count'; header: string; awardForm: string; places: number; first: number; last: number };

export interface BallotFormGroup {
  awardForm: string;
  /** "Bằng khen của Chủ tịch UBND tỉnh (2 suất)". */
  header: string;
  places: number;
  /** 0-based columns of the group: its candidates, then its count column. */
  first: number;
  last: number;
}

export interface BallotSheetSchema {
  round: number;
  sheetName: string;
  voteMark: string;
  columns: BallotColumn[];
  groups: BallotFormGroup[];
  /** Header rows above the first ballot (row 0: the forms; row 1: the candidates). */
  headerRows: 2;
  /** The ballot numbers laid out: 1…ballots. */
  ballots: number;
}

export const BALLOT_NUMBER_HEADER = 'Số phiếu';
export const BALLOT_COUNT_HEADER = 'Số ô đánh dấu';

export const ballotSheetName = (round: number) => `Phiếu bầu vòng ${round}`;

/** "Họ tên (Đơn vị)" for an individual with a unit, the name alone otherwise: what a member reads on the ballot. */
export function candidateLabel(candidate: Pick<Candidate, 'name' | 'unitName' | 'nomineeKind'>): string {
  return candidate.nomineeKind === 'individual' && candidate.unitName ? `${candidate.name} (${candidate.unitName})` : candidate.name;
}

export function ballotSheetSchema(input: {
  round: number;
  candidates: readonly Candidate[];
  forms: readonly RoundForm[];
  awardForms: readonly Pick<AwardForm, 'code' | 'name'>[];
  voteMark: string;
  ballots: number;
}): BallotSheetSchema {
  const columns: BallotColumn[] = [{ kind: 'number', header: BALLOT_NUMBER_HEADER }];
  const groups: BallotFormGroup[] = [];
  for (const form of input.forms) {
    const candidates = input.candidates.filter((c) => c.awardForm === form.awardForm);
    if (candidates.length === 0) continue;
    const first = columns.length;
    for (const c of candidates)
      columns.push({ kind: 'candidate', header: candidateLabel(c), nominationId: c.nominationId, awardForm: c.awardForm });
    const last = columns.length;
    columns.push({ kind: 'count', header: BALLOT_COUNT_HEADER, awardForm: form.awardForm, places: form.places, first, last: last - 1 });
    const name = input.awardForms.find((f) => f.code === form.awardForm)?.name.vi ?? form.awardForm;
    groups.push({ awardForm: form.awardForm, header: `${name} (${form.places} suất)`, places: form.places, first, last });
  }
  return {
    round: input.round,
    sheetName: ballotSheetName(input.round),
    voteMark: input.voteMark,
    columns,
    groups,
    headerRows: 2,
    ballots: input.ballots,
  };
}

/** A row the secretary must fix before the count: marks without a usable ballot number. */
export interface BallotSheetProblem {
  /** 1-based sheet row, as Excel shows it. */
  row: number;
  code: 'NUMBER_MISSING' | 'HEADER_CHANGED';
  message: string;
}

export interface ParsedBallots {
  ballots: Ballot[];
  problems: BallotSheetProblem[];
}

const text = (value: unknown): string => toNfc(value === null || value === undefined ? '' : String(value)).trim();

/**
 * The ballots typed into the sheet, from its values read at A1 (header rows included). Only the
 * candidate columns are read, only their non-empty cells become marks (the tally judges the marks);
 * the header row of candidates must still be the schema's, or columns were moved and nothing is read.
 */
export function parseBallotSheet(schema: BallotSheetSchema, values: readonly (readonly unknown[])[]): ParsedBallots {
  const header = values[1] ?? [];
  const problems: BallotSheetProblem[] = [];
  schema.columns.forEach((column, index) => {
    if (column.kind === 'candidate' && text(header[index]) !== text(column.header)) {
      problems.push({ row: 2, code: 'HEADER_CHANGED', message: `Cột ${index + 1} của dòng tiêu đề không còn là "${column.header}"` });
    }
  });
  if (problems.length > 0) return { ballots: [], problems };

  const ballots: Ballot[] = [];
  for (let r = schema.headerRows; r < values.length; r += 1) {
    const row = values[r] ?? [];
    const marks: Record<string, string> = {};
    schema.columns.forEach((column, index) => {
      if (column.kind !== 'candidate') return;
      const mark = text(row[index]);
      if (mark !== '') marks[column.nominationId] = mark.slice(0, 20);
    });
    const numberText = text(row[0]);
    const number = Number(numberText);
    if (numberText === '') {
      if (Object.keys(marks).length > 0)
        problems.push({ row: r + 1, code: 'NUMBER_MISSING', message: `Dòng ${r + 1} có đánh dấu nhưng không có số phiếu` });
      continue;
    }
    if (!Number.isInteger(number) || number < 1 || number > 100_000) {
      problems.push({ row: r + 1, code: 'NUMBER_MISSING', message: `Dòng ${r + 1}: số phiếu "${numberText}" không hợp lệ` });
      continue;
    }
    ballots.push({ number, marks });
  }
  return { ballots, problems };
}
