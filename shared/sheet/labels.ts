import type { NomineeKind } from '#shared/campaign';
import type { NominationStatus } from '#shared/status';
import { identityKey } from '#shared/text';

/** What the sheet's dropdowns show (in Vietnamese, the office's language) for the enumerations. */
export const NOMINEE_KIND_LABELS: Record<NomineeKind, string> = { collective: 'Tập thể', individual: 'Cá nhân' };

export const STATUS_LABELS: Record<NominationStatus, string> = {
  draft: 'Dự thảo',
  submitted: 'Đã gửi',
  returned: 'Trả lại',
  eligible: 'Đủ điều kiện',
  selected: 'Được chọn',
  not_selected: 'Không được chọn',
  awarded: 'Đã khen thưởng',
};

export const STATUS_LABELS_EN: Record<NominationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  returned: 'Returned',
  eligible: 'Eligible',
  selected: 'Selected',
  not_selected: 'Not selected',
  awarded: 'Awarded',
};

export const YES = 'Có';
export const NO = 'Không';

/** Finds the key whose label matches what was typed, forgiving case, spacing and Unicode form. */
export function matchLabel<K extends string>(labels: Record<K, string>, typed: string): K | undefined {
  const wanted = normalize(typed);
  return (Object.keys(labels) as K[]).find((key) => normalize(labels[key]) === wanted || normalize(key) === wanted);
}

/** Labels match as names do: NFC, case- and space-insensitive. */
export const normalize = identityKey;
