import { describe, expect, it } from 'vitest';
import { refuseOrg, type OrgAction } from '#shared/policy/org';
import { cases, USERS, type PerUser } from './users';

const EVERYONE: PerUser<string | undefined> = {
  admin: undefined,
  hr: undefined,
  unit: undefined,
  otherUnit: undefined,
  secretary: undefined,
  viewer: undefined,
};
const ADMIN_ONLY: PerUser<string | undefined> = {
  admin: undefined,
  hr: 'FORBIDDEN',
  unit: 'FORBIDDEN',
  otherUnit: 'FORBIDDEN',
  secretary: 'FORBIDDEN',
  viewer: 'FORBIDDEN',
};

const TABLE: Record<OrgAction, PerUser<string | undefined>> = {
  readRegistry: EVERYONE,
  // HR reads the staff sheets and is told why it may not save them.
  writeRegistry: { ...ADMIN_ONLY, hr: 'REGISTRY_READ_ONLY' },
  readUsers: ADMIN_ONLY,
  writeUsers: ADMIN_ONLY,
  readCampaigns: EVERYONE,
  writeCampaigns: ADMIN_ONLY,
  // Who changed what: not a unit clerk, whose view stops at its own unit's rows.
  readAudit: { ...EVERYONE, unit: 'FORBIDDEN', otherUnit: 'FORBIDDEN' },
};

describe("who may read and write the office's registry, users, campaigns and audit log", () => {
  for (const [action, expected] of Object.entries(TABLE) as [OrgAction, PerUser<string | undefined>][]) {
    it.each(cases(expected))(`${action}: %s → %s`, (who, refusal) => {
      expect(refuseOrg(USERS[who], action)).toBe(refusal);
    });
  }
});
