import type { Campaign, CouncilSettings } from '#shared/campaign';
import { formatDateVi, todayInVietnam, type IsoDate } from '#shared/dates';
import { identityOf } from '#shared/documents/decision';
import { numberLine, placeAndDate } from '#shared/documents/format';
import { identityKey } from '#shared/text';
import type { Candidate } from './round';
import type { MinutesCandidate, MinutesForm, MinutesSignature, TallyMinutes } from '#shared/api/minutes';
import { requiredMembers, roundRules, ruleStatements, thresholdStatement, voidReasonText } from './rules';
import type { InvalidReason, TallyResult } from './tally';

/** The minutes' shape is the API's (shared/api/minutes.ts); this module fills it in. */
export type { MinutesCandidate, MinutesForm, MinutesSignature, TallyMinutes };

export interface MinutesInput {
  campaign: Pick<Campaign, 'title' | 'issuer' | 'awardForms' | 'council' | 'office'>;
  /** `rules` and `createdAt`: the council rules the round was opened under, and when (absent on older rounds). */
  round: { number: number; candidates: readonly Candidate[]; rules?: CouncilSettings; createdAt?: string };
  result: TallyResult;
  /** The day of the tally (ISO). */
  date: IsoDate;
}

export const COUNCIL_NAME = 'Hội đồng Thi đua – Khen thưởng';

const INVALID_LABELS: Record<InvalidReason, string> = {
  OVER_PLACES: 'Đánh dấu nhiều hơn số suất của hình thức khen thưởng',
  UNKNOWN_CANDIDATE: 'Ghi tên người không có trong danh sách bầu',
  UNKNOWN_MARK: 'Ký hiệu đánh dấu không đúng quy định',
  REPEATED_NUMBER: 'Trùng số phiếu',
};

/** 66.67 → "66,67%", 100 → "100%": Vietnamese decimals, two places unless whole. */
export function formatPercentVi(percent: number): string {
  const text = Number.isInteger(percent) ? String(percent) : percent.toFixed(2);
  return `${text.replace('.', ',')}%`;
}

/** "A", "A và B", "A, B và C". */
export function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

export function thresholdText(settings: CouncilSettings): string {
  return thresholdStatement(settings).vi;
}

/** The council's chair and secretary, found by the role written beside each member. */
export function signatures(settings: CouncilSettings): MinutesSignature[] {
  const find = (prefix: string) => settings.members.find((member) => identityKey(member.role).startsWith(prefix))?.name ?? '';
  return [
    { role: 'chair', title: 'Chủ tịch Hội đồng', name: find('chủ tịch') },
    { role: 'secretary', title: 'Thư ký', name: find('thư ký') },
  ];
}

/** The office's place and symbol, from its identity (configuration, the seed's by default). */
function heading(campaign: Pick<Campaign, 'office'>, date: IsoDate) {
  const identity = identityOf(campaign);
  return {
    numberLine: numberLine(undefined, identity.abbreviations.minutes, identity.symbol),
    placeAndDate: placeAndDate(identity.placeName, date),
  };
}

export function buildMinutes({ campaign, round, result, date }: MinutesInput): TallyMinutes {
  const settings = roundRules(round, campaign);
  const byId = new Map(round.candidates.map((c) => [c.nominationId, c]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const labelOf = (id: string) => {
    const candidate = byId.get(id);
    return candidate?.unitName && candidate.nomineeKind === 'individual' ? `${candidate.name} (${candidate.unitName})` : nameOf(id);
  };
  const formName = (code: string) => campaign.awardForms.find((form) => form.code === code)?.name.vi ?? code;
  const threshold = thresholdText(settings);
  const required = requiredMembers(settings, result.members.total);
  const voidReason = result.voidReason
    ? { code: result.voidReason.code, text: voidReasonText(result.voidReason, result.members.total) }
    : undefined;

  const forms: MinutesForm[] = result.forms.map((form) => {
    const rows = result.candidates
      .filter((c) => c.awardForm === form.awardForm)
      .sort((a, b) => b.votes - a.votes || nameOf(a.nominationId).localeCompare(nameOf(b.nominationId), 'vi'));
    const candidates = rows.map((c, i): MinutesCandidate => {
      const candidate = byId.get(c.nominationId);
      return {
        order: i + 1,
        nominationId: c.nominationId,
        name: nameOf(c.nominationId),
        nomineeKind: candidate?.nomineeKind ?? 'individual',
        unitName: candidate?.unitName ?? '',
        female: candidate?.female ?? false,
        votes: c.votes,
        percent: formatPercentVi(c.percent),
        passed: c.passed,
        selected: c.selected,
        tied: c.tied,
      };
    });
    const entry: MinutesForm = {
      awardForm: form.awardForm,
      awardFormName: formName(form.awardForm),
      places: form.places,
      candidates,
      selectedNames: form.selected.map(nameOf),
    };
    if (form.tie) {
      const votes = result.candidates.find((c) => c.nominationId === form.tie!.nominationIds[0])?.votes ?? 0;
      entry.tie = {
        names: form.tie.nominationIds.map(nameOf),
        places: form.tie.places,
        votes,
        femaleNames: form.tie.femaleIds.map(nameOf),
      };
    }
    return entry;
  });

  const conclusion: string[] = [];
  if (result.void) {
    conclusion.push(voidReason?.text.vi ?? 'Kết quả kiểm phiếu không có giá trị.');
  } else {
    for (const form of forms) {
      const figures = (id: string) => {
        const row = form.candidates.find((c) => c.nominationId === id)!;
        return `${labelOf(id)}, ${row.votes}/${result.base} phiếu (${row.percent})`;
      };
      const selectedIds = result.forms.find((f) => f.awardForm === form.awardForm)!.selected;
      if (selectedIds.length > 0) conclusion.push(`Lựa chọn đề nghị ${form.awardFormName}: ${selectedIds.map(figures).join('; ')}.`);
      if (form.tie) {
        const tied = result.forms.find((f) => f.awardForm === form.awardForm)!.tie!;
        const percent = form.candidates.find((c) => c.nominationId === tied.nominationIds[0])?.percent ?? '';
        conclusion.push(
          `${form.awardFormName}: ${tied.nominationIds.length} ứng viên cùng đạt ${form.tie.votes}/${result.base} phiếu (${percent}) ` +
            `cho ${form.tie.places} suất còn lại; đề nghị bỏ phiếu lại giữa ${joinVi(tied.nominationIds.map(labelOf))}.`,
        );
        if (form.tie.femaleNames.length > 0) {
          conclusion.push(
            `Trong số người có số phiếu bằng nhau, ${joinVi(form.tie.femaleNames)} là nữ ` +
              '(pháp luật ưu tiên nữ khi các tiêu chuẩn khác như nhau; Hội đồng xem xét, quyết định).',
          );
        }
      } else if (selectedIds.length === 0) {
        conclusion.push(
          form.places === 0
            ? `${form.awardFormName}: đã hết chỉ tiêu, không lựa chọn.`
            : `${form.awardFormName}: không có tập thể, cá nhân nào đạt số phiếu ${threshold}, không lựa chọn.`,
        );
      }
    }
  }

  const reasons = (Object.keys(INVALID_LABELS) as InvalidReason[])
    .map((reason) => ({
      reason,
      label: INVALID_LABELS[reason],
      count: result.invalidBallots.filter((b) => b.reasons.includes(reason)).length,
    }))
    .filter((entry) => entry.count > 0);

  return {
    title: 'BIÊN BẢN KIỂM PHIẾU',
    council: `${COUNCIL_NAME} ${campaign.issuer}`,
    issuer: campaign.issuer,
    campaignTitle: campaign.title,
    round: round.number,
    date: formatDateVi(date),
    ...heading(campaign, date),
    members: { ...result.members, required },
    ballots: { ...result.ballots },
    invalidReasons: reasons,
    threshold,
    rules: ruleStatements(settings, round.rules && round.createdAt ? todayInVietnam(new Date(round.createdAt)) : undefined),
    void: result.void,
    ...(voidReason ? { voidReason } : {}),
    forms,
    conclusion,
    signatures: signatures(settings),
    ...(result.fingerprint ? { fingerprint: result.fingerprint } : {}),
  };
}
