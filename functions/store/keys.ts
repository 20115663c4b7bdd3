/**
 * The key layout of the single table: the only module that knows it. See README "Table design".
 *
 *   PK                       SK                         item
 *   CAMPAIGNS                CAMPAIGN#<id>              a campaign (list = one Query)
 *   ORG                      UNIT#<id> / PERSON#<id>    the office's registry (load = one Query)
 *   USERS                    <email>                    a user's role and unit
 *   CAMPAIGN#<id>            NOM#<nominationId>         a nomination
 *   CAMPAIGN#<id>            QUOTA#<ruleId>#<scopeKey>  a quota's counter of places used
 *   CAMPAIGN#<id>            QUOTA#~STATUS              live nominations counted by award form and status
 *   AUDIT#<id>               <iso time>#<request>#<n>   a group of audit entries of one write
 *   IDEMPOTENCY#<email>      <key>                      a save's stored answer, for retries
 *   GSI1: NOMINEES#<campaignId> / <kind>#<nomineeId>#<nominationId>   live nominations by nominee (rule 8)
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
  /** Sorts after every rule's counters (rule ids are A-Z, 0-9, _), inside the same QUOTA# range. */
  statusCounts: (campaignId: string) => ({ PK: `CAMPAIGN#${campaignId}`, SK: 'QUOTA#~STATUS' }),
  auditPartition: (campaignId: string) => `AUDIT#${campaignId}`,
  idempotency: (email: string, key: string) => ({ PK: `IDEMPOTENCY#${email.toLowerCase()}`, SK: key }),
  /** GSI1: one partition per campaign, sorted by nominee, so one nominee or all of them is one Query. */
  nomineeIndexPartition: (campaignId: string) => `NOMINEES#${campaignId}`,
  nomineePrefix: (kind: string, nomineeId: string) => `${kind}#${encodeURIComponent(nomineeId)}#`,
};

/** Strips the key attributes off an item read from the table. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'ttl'> {
  const { PK: _pk, SK: _sk, GSI1PK: _g1p, GSI1SK: _g1s, ttl: _ttl, ...rest } = item;
  return rest;
}
