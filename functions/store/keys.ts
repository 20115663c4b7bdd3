/**
 * The key layout of the single table: the only module that knows it. See README "Table design".
 *
 *   PK                       SK                         item
 *   CAMPAIGNS                CAMPAIGN#<id>              a campaign (list = one Query)
 *   ORG                      UNIT#<id> / PERSON#<id>    the office's registry (load = one Query)
 *   USERS                    <email>                    a user's role and unit
 *   CAMPAIGN#<id>            NOM#<nominationId>         a nomination
 *   CAMPAIGN#<id>            QUOTA#<ruleId>#<scopeKey>  a quota's counter of places used
 *   AUDIT#<id>               <iso time>#<request>#<n>   a group of audit entries of one write
 *   IDEMPOTENCY#<email>      <key>                      a save's stored answer, for retries
 *   GSI1: <campaignId>#<kind>#<nomineeId> / <nominationId>      live nominations by nominee (rule 8)
 *   GSI2: <campaignId>#<awardForm> / <status>#<nominationId>     live nominations by form and status
 */
export const keys = {
  campaign: (id: string) => ({ PK: 'CAMPAIGNS', SK: `CAMPAIGN#${id}` }),
  campaignsPartition: 'CAMPAIGNS',
  campaignPrefix: 'CAMPAIGN#',
  orgPartition: 'ORG',
  unit: (id: string) => ({ PK: 'ORG', SK: `UNIT#${id}` }),
  person: (id: string) => ({ PK: 'ORG', SK: `PERSON#${id}` }),
  user: (email: string) => ({ PK: 'USERS', SK: email.toLowerCase() }),
  usersPartition: 'USERS',
  nominationsPartition: (campaignId: string) => `CAMPAIGN#${campaignId}`,
  nominationPrefix: 'NOM#',
  nomination: (campaignId: string, id: string) => ({ PK: `CAMPAIGN#${campaignId}`, SK: `NOM#${id}` }),
  quotaPrefix: 'QUOTA#',
  quotaCounter: (campaignId: string, ruleId: string, scopeKey: string) => ({
    PK: `CAMPAIGN#${campaignId}`,
    SK: `QUOTA#${ruleId}#${scopeKey}`,
  }),
  auditPartition: (campaignId: string) => `AUDIT#${campaignId}`,
  idempotency: (email: string, key: string) => ({ PK: `IDEMPOTENCY#${email.toLowerCase()}`, SK: key }),
  byNominee: (campaignId: string, kind: string, nomineeId: string) => `${campaignId}#${kind}#${nomineeId}`,
  byFormStatus: (campaignId: string, awardForm: string) => `${campaignId}#${awardForm}`,
};

/** Strips the key attributes off an item read from the table. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'ttl'> {
  const { PK: _pk, SK: _sk, GSI1PK: _g1p, GSI1SK: _g1s, GSI2PK: _g2p, GSI2SK: _g2s, ttl: _ttl, ...rest } = item;
  return rest;
}
