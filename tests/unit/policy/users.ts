import type { User } from '#shared/org';

/** The unit whose nominations the tables judge, and another unit. */
export const OWN = 'kinh-te';
export const OTHER = 'tong-hop';

/** The five roles, a unit clerk of the nomination's own unit and one of another unit. */
export const USERS = {
  admin: { email: 'admin@thidua.local', displayName: 'Admin', role: 'admin' },
  hr: { email: 'tochuc@thidua.local', displayName: 'HR', role: 'hr' },
  unit: { email: `${OWN}@thidua.local`, displayName: 'Unit', role: 'unit', unitId: OWN },
  otherUnit: { email: `${OTHER}@thidua.local`, displayName: 'Other unit', role: 'unit', unitId: OTHER },
  secretary: { email: 'thuky@thidua.local', displayName: 'Secretary', role: 'secretary' },
  viewer: { email: 'lanhdao@thidua.local', displayName: 'Viewer', role: 'viewer' },
} as const satisfies Record<string, User>;

export type Who = keyof typeof USERS;
export const WHO = Object.keys(USERS) as Who[];

/** One expectation per user: each table lists all six, so that a new role or a missing case shows. */
export type PerUser<T> = Record<Who, T>;

export function cases<T>(expected: PerUser<T>): [Who, T][] {
  return WHO.map((who) => [who, expected[who]]);
}
