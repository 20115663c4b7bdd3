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
  let keys = labelKeys.get(labels) as Map<string, K> | undefined;
  if (!keys) {
    keys = new Map();
    // The first key whose label or own name reads the same wins, as the search in the keys' order did.
    for (const key of Object.keys(labels) as K[]) {
      for (const name of [normalize(labels[key]), normalize(key)]) if (!keys.has(name)) keys.set(name, key);
    }
    labelKeys.set(labels, keys);
  }
  return keys.get(normalize(typed));
}

/** Each list of labels by its normalized labels and keys, made once (every row of a sheet reads them). */
const labelKeys = new WeakMap<object, Map<string, string>>();

/** Labels match as names do: NFC, case- and space-insensitive. */
export const normalize = identityKey;
