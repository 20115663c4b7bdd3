import type { Localized } from '#shared/localized';
import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { mayWriteNominations } from '#shared/policy/nominations';
import { localized } from '#addin/i18n/index';
import { joinLocalized } from '#addin/app/save/save-status';

/**
 * What the pane says after "Mở bảng tổng hợp": how many nominations came, or, for an empty campaign,
 * what to do next; rows left out of the sheet; and, to a unit clerk, which of the unit's rows HR
 * returned and why (a return is work for the clerk, and nothing else would tell her).
 */
export function loadNotice(args: {
  user: Pick<User, 'role'> | undefined;
  nominations: readonly Pick<Nomination, 'id' | 'status' | 'returnReason'>[];
  /** id → the nominee as the sheet shows it. */
  labels: ReadonlyMap<string, string>;
  dropped: number;
}): Localized {
  const { user, nominations } = args;
  const parts: Localized[] = [];
  if (nominations.length > 0) parts.push(localized('notice.loaded', { n: nominations.length }));
  else parts.push(localized(user && mayWriteNominations(user) ? 'notice.emptyCampaign' : 'notice.emptyCampaignReadOnly'));
  if (args.dropped > 0) parts.push(localized('notice.staleRows', { n: args.dropped }));
  const returned = user?.role === 'unit' ? nominations.filter((nomination) => nomination.status === 'returned') : [];
  if (returned.length > 0) {
    const rows = returned.map((nomination) => {
      const label = args.labels.get(nomination.id) ?? nomination.id;
      return nomination.returnReason
        ? localized('notice.returnedRow', { label, reason: nomination.returnReason })
        : { vi: label, en: label };
    });
    const list = { vi: rows.map((row) => row.vi).join('; '), en: rows.map((row) => row.en).join('; ') };
    parts.push(localized('notice.returned', { n: returned.length }, { rows: list }));
  }
  return joinLocalized(parts);
}
