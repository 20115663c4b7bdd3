import { describe, expect, it } from 'vitest';
import { refuseCouncil, runsTheVote, type CouncilAction } from '#shared/policy/council';
import { cases, USERS, type PerUser } from './users';

const RUN: PerUser<string | undefined> = {
  admin: undefined,
  hr: 'FORBIDDEN',
  unit: 'FORBIDDEN',
  otherUnit: 'FORBIDDEN',
  secretary: undefined,
  viewer: 'FORBIDDEN',
};

const TABLE: Record<CouncilAction, PerUser<string | undefined>> = {
  // The council's secretary runs the vote; an administrator may stand in.
  openRound: RUN,
  submitBallots: RUN,
  tally: RUN,
  confirm: RUN,
  // Annulling a confirmed vote overrules the council: the administrator alone (the secretary may not).
  annul: { admin: undefined, hr: 'FORBIDDEN', unit: 'FORBIDDEN', otherUnit: 'FORBIDDEN', secretary: 'FORBIDDEN', viewer: 'FORBIDDEN' },
  // Everyone but a unit clerk reads the rounds.
  readRounds: { admin: undefined, hr: undefined, unit: 'FORBIDDEN', otherUnit: 'FORBIDDEN', secretary: undefined, viewer: undefined },
};

describe('who may do what with the council rounds', () => {
  for (const [action, expected] of Object.entries(TABLE) as [CouncilAction, PerUser<string | undefined>][]) {
    it.each(cases(expected))(`${action}: %s → %s`, (who, refusal) => {
      expect(refuseCouncil(USERS[who], action)).toBe(refusal);
    });
  }

  it.each(cases({ admin: true, hr: false, unit: false, otherUnit: false, secretary: true, viewer: false }))(
    'the pane offers the council tools to %s: %s',
    (who, offered) => {
      expect(runsTheVote(USERS[who])).toBe(offered);
    },
  );

  it('offers nothing to no one signed in', () => {
    expect(runsTheVote(undefined)).toBe(false);
  });
});
