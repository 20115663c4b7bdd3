import { identityKey } from '#shared/text';

/**
 * The key layout of the single table: the only module that knows it. See README "Table design".
 *
 *   PK                       SK                         item
 *   CAMPAIGNS                CAMPAIGN#<id>              a campaign (a page of summaries = one Query)
 *   ORG                      UNIT#<id> / PERSON#<id>    the office's registry (load = one Query)
 *   USERS                    <email>                    a user's role and unit
 *   OFFICE                   SETTING#<name>             one of the office's settings (the certificates' layout),
 *                                                       versioned
 *   CAMPAIGN#<id>            NOM#<nominationId>         a nomination
 *   CAMPAIGN#<id>            QUOTA#<ruleId>#<scopeKey>  a quota's counter of places used
 *   CAMPAIGN#<id>            QUOTA#~STATUS              live nominations counted by award form and status
 *   CAMPAIGN#<id>            ROUND#<nnnn>               a council's voting round, by number (0001…9999): its
 *                                                       status and version as attributes, candidates, result
 *                                                       and minutes gzipped in `data`
 *   CAMPAIGN#<id>            ROUND#<nnnn>#BALLOTS#<pppp>  a part (≤ 300 KB) of the round's gzipped ballots,
 *                                                       with the ballotsVersion it belongs to; one Query on
 *                                                       ROUND#<nnnn> reads a round and its ballots together
 *   CAMPAIGN#<id>            BALLOTUPLOAD#<uploadId>    a round's ballots being sent in parts: the round, the
 *                                                       counts declared, its status; forgotten by TTL
 *   CAMPAIGN#<id>            BALLOTUPLOAD#<uploadId>#<pp>#<c>  a piece (≤ 300 KB) of a part's gzipped ballots;
 *                                                       one Query on BALLOTUPLOAD#<uploadId> reads them all
 *   CAMPAIGN#<id>            DOC#<kind>[#<round>]       a generated document's record (number, date, who, the
 *                                                       fingerprints of its lines gzipped in `digest`)
 *   CAMPAIGN#<id>            FILE#<nominationId>#<fileId>  a dossier file's record (name, type, size, status, who
 *                                                       and when); one Query on FILE#<nominationId># lists them
 *   CAMPAIGN#<id>            FILECOUNT#<nominationId>   the nomination's stored files per document (`D#<code>`)
 *   REGISTER                 <type>#<year>              the office's register of a type of document: the last number
 *   REGISTER                 <type>#<year>#<nnnnn>      a number taken, and by which document
 *   AUDIT#<id>               <iso time>#<request>#<n>   a group of audit entries of one write
 *   AWARDS#<I|C>#<name key>  ENTRY#<year>#<number>#<unit>  an award of the register (sổ khen thưởng): one
 *                                                       partition per nominee's kind and name, so a person's
 *                                                       or a unit's history is one Query whatever the register
 *   AWARDS#<I|C>#<name key>  NAMED                      the name has entries: a save BatchGets these for its
 *                                                       nominees and Queries only the partitions that exist
 *   IDEMPOTENCY#<email>      <key>                      a save's stored answer, for retries
 *   GSI1: NOMINEES#<campaignId> / <kind>#<nominee's identity key>#<nominationId>   live nominations by nominee (rule 8)
 *   GSI1: PEOPLE / <unitId>#<name's identity key>#<birth date>#<personId>   staff by unit and identity (likely
 *         duplicates, a unit's staff): a person item carries these two attributes
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
  /** GSI1 of a person item: its unit and identity (shared/org.ts personIdentity), so one Query reads a unit's staff. */
  personIndex: (identity: string, id: string) => ({ GSI1PK: 'PEOPLE', GSI1SK: `${identity}#${id}` }),
  peopleIndexPartition: 'PEOPLE',
  peopleOfUnitPrefix: (unitId: string) => `${unitId}#`,
  unitPrefix: 'UNIT#',
  officeSetting: (name: string) => ({ PK: 'OFFICE', SK: `SETTING#${name}` }),
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
  roundPrefix: 'ROUND#',
  round: (campaignId: string, number: number) => ({ PK: `CAMPAIGN#${campaignId}`, SK: `ROUND#${pad4(number)}` }),
  /** The round's own item and its ballots' parts, and nothing of another round (numbers have 4 digits). */
  roundItemsPrefix: (number: number) => `ROUND#${pad4(number)}`,
  roundBallots: (campaignId: string, number: number, part: number) => ({
    PK: `CAMPAIGN#${campaignId}`,
    SK: `ROUND#${pad4(number)}#BALLOTS#${pad4(part)}`,
  }),
  /** The round number in any of its items' sort keys. */
  roundNumberOf: (sortKey: string) => Number(/^ROUND#(\d{4})/.exec(sortKey)?.[1] ?? 0),
  ballotUpload: (campaignId: string, uploadId: string) => ({ PK: `CAMPAIGN#${campaignId}`, SK: `BALLOTUPLOAD#${uploadId}` }),
  /** The upload's own item and every piece of its parts. */
  ballotUploadPrefix: (uploadId: string) => `BALLOTUPLOAD#${uploadId}`,
  ballotUploadPiece: (campaignId: string, uploadId: string, part: number, piece: number) => ({
    PK: `CAMPAIGN#${campaignId}`,
    SK: `BALLOTUPLOAD#${uploadId}#${String(part).padStart(2, '0')}#${piece}`,
  }),
  documentPrefix: 'DOC#',
  document: (campaignId: string, key: string) => ({ PK: `CAMPAIGN#${campaignId}`, SK: `DOC#${key}` }),
  /** The office's register: one partition for every campaign, since numbers run through the year. */
  registerCounter: (type: string, year: number) => ({ PK: 'REGISTER', SK: `${type}#${year}` }),
  registerNumber: (type: string, year: number, number: number) => ({
    PK: 'REGISTER',
    SK: `${type}#${year}#${String(number).padStart(5, '0')}`,
  }),
  file: (campaignId: string, nominationId: string, fileId: string) => ({
    PK: `CAMPAIGN#${campaignId}`,
    SK: `FILE#${nominationId}#${fileId}`,
  }),
  nominationFilesPrefix: (nominationId: string) => `FILE#${nominationId}#`,
  fileCounts: (campaignId: string, nominationId: string) => ({ PK: `CAMPAIGN#${campaignId}`, SK: `FILECOUNT#${nominationId}` }),
  fileCountsPrefix: 'FILECOUNT#',
  /** The attribute of a counts item holding one document's count (codes may be any A-Z, so never a bare key name). */
  fileCountAttribute: (document: string) => `D#${document}`,
  auditPartition: (campaignId: string) => `AUDIT#${campaignId}`,
  /** The register's partition of a nominee (shared/register/entry.ts registerSubject: kind and name key). */
  awardsPartition: (subject: string) => `AWARDS#${subject}`,
  award: (subject: string, entryId: string) => ({ PK: `AWARDS#${subject}`, SK: `ENTRY#${entryId}` }),
  awardPrefix: 'ENTRY#',
  awardsNamed: (subject: string) => ({ PK: `AWARDS#${subject}`, SK: 'NAMED' }),
  idempotency: (email: string, key: string) => ({ PK: `IDEMPOTENCY#${email.toLowerCase()}`, SK: key }),
  /** A kept answer too big for one item, in parts of its own partition (so no key can collide with one). */
  idempotencyPart: (email: string, key: string, part: number) => ({ PK: `IDEMPOTENCY-PART#${email.toLowerCase()}`, SK: `${key}#${part}` }),
  /** GSI1: one partition per campaign, sorted by nominee, so one nominee or all of them is one Query. */
  nomineeIndexPartition: (campaignId: string) => `NOMINEES#${campaignId}`,
  /** By the nominee's identity key (rule 8 compares names NFC, case- and space-insensitively). */
  nomineePrefix: (kind: string, nomineeId: string) => `${kind}#${encodeURIComponent(identityKey(nomineeId))}#`,
};

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

/** Strips the key attributes off an item read from the table. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'ttl'> {
  const { PK: _pk, SK: _sk, GSI1PK: _g1p, GSI1SK: _g1s, ttl: _ttl, ...rest } = item;
  return rest;
}
