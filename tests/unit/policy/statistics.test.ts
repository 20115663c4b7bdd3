import { describe, expect, it } from 'vitest';
import type { NominationStatus } from '#shared/status';
import { refuseYearlyStatistics, statisticsScope } from '#shared/policy/statistics';
import { cases, OTHER, OWN, USERS } from './users';

/** What each user's statistics count: the unit's own rows it still holds for a clerk, everything for the others. */
const counted = (who: keyof typeof USERS, unitId: string, status: NominationStatus) =>
  statisticsScope(USERS[who]).counts({ unitId, status });

describe('who counts what in the statistics', () => {
  it.each(
    cases({
      admin: [true, true, true],
      hr: [true, true, true],
      unit: [true, false, false],
      otherUnit: [false, false, true],
      secretary: [true, true, true],
      viewer: [true, true, true],
    }),
  )('%s counts [own unit submitted, own unit awarded, other unit draft]: %j', (who, expected) => {
    expect([counted(who, OWN, 'submitted'), counted(who, OWN, 'awarded'), counted(who, OTHER, 'draft')]).toEqual(expected);
    expect(statisticsScope(USERS[who]).unitId).toBe('unitId' in USERS[who] ? USERS[who].unitId : undefined);
  });

  it.each(cases({ admin: undefined, hr: undefined, unit: 'FORBIDDEN', otherUnit: 'FORBIDDEN', secretary: undefined, viewer: undefined }))(
    '%s and the yearly summary: %s',
    (who, expected) => {
      expect(refuseYearlyStatistics(USERS[who])).toBe(expected);
    },
  );
});
