import { z } from 'zod';
import { ApiErrorBodySchema } from './http/error-schema';
import { Campaign } from '#shared/campaign';
import { Nomination } from '#shared/nomination';
import { Person, Unit, User } from '#shared/org';
import { ROUTES, routeKey } from './routes';
import { SaveBatchRequest } from './nominations/save';
import { Attendance, Ballot, Candidate, RoundForm } from '#shared/council/round';
import { ConfirmRoundRequest, CreateRoundRequest, RoundStatus, SubmitBallotsRequest } from '#shared/council/voting-round';

const Localized = z.object({ vi: z.string(), en: z.string() });
const Issue = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  nominationId: z.string().optional(),
  rowKey: z.string().optional(),
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: Localized,
});
const QuotaUsage = z.object({
  ruleId: z.string(),
  awardForm: z.string(),
  scope: z.enum(['campaign', 'unit']),
  scopeKey: z.string(),
  max: z.int(),
  used: z.int(),
  candidates: z.int(),
});
const StoredCampaign = Campaign.and(z.object({ version: z.int(), updatedAt: z.string() }));
const SaveBatchResult = z.object({
  rows: z.array(
    z.object({
      rowKey: z.string().optional(),
      id: z.string().optional(),
      outcome: z.enum(['saved', 'conflict', 'refused']),
      version: z.int().optional(),
      status: z.string().optional(),
      receivedDate: z.string().optional(),
      issues: z.array(Issue),
      textFields: z.array(z.string()),
      current: z.record(z.string(), z.unknown()).optional(),
      refusal: Issue.optional(),
    }),
  ),
  quotaUsage: z.array(QuotaUsage),
  related: z.array(z.object({ id: z.string(), version: z.int(), status: z.string(), issues: z.array(Issue) })),
  summary: z.object({ saved: z.int(), conflicts: z.int(), refused: z.int(), errors: z.int(), warnings: z.int() }),
});
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable().optional() });
const AuditEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  nominationId: z.string().optional(),
  changes: z.record(z.string(), z.object({ from: z.unknown().optional(), to: z.unknown().optional() })),
});

const TallyResult = z.object({
  void: z.boolean(),
  voidReason: z.object({ code: z.literal('NO_QUORUM'), required: z.int(), participating: z.int() }).optional(),
  members: z.object({ total: z.int(), present: z.int(), writtenVotes: z.int(), participating: z.int() }),
  ballots: z.object({ issued: z.int(), collected: z.int(), valid: z.int(), invalid: z.int() }),
  invalidBallots: z.array(
    z.object({ number: z.int(), reasons: z.array(z.enum(['OVER_PLACES', 'UNKNOWN_CANDIDATE', 'UNKNOWN_MARK', 'REPEATED_NUMBER'])) }),
  ),
  base: z.int(),
  candidates: z.array(
    z.object({
      nominationId: z.string(),
      awardForm: z.string(),
      votes: z.int(),
      percent: z.number(),
      passed: z.boolean(),
      selected: z.boolean(),
      tied: z.boolean(),
    }),
  ),
  forms: z.array(
    z.object({
      awardForm: z.string(),
      places: z.int(),
      selected: z.array(z.string()),
      tie: z.object({ nominationIds: z.array(z.string()), places: z.int(), femaleIds: z.array(z.string()) }).optional(),
    }),
  ),
});
const TallyMinutes = z.object({
  title: z.string(),
  council: z.string(),
  issuer: z.string(),
  campaignTitle: z.string(),
  round: z.int(),
  date: z.string(),
  members: z.object({ total: z.int(), present: z.int(), writtenVotes: z.int(), participating: z.int(), required: z.int() }),
  ballots: z.object({ issued: z.int(), collected: z.int(), valid: z.int(), invalid: z.int() }),
  invalidReasons: z.array(z.object({ reason: z.string(), label: z.string(), count: z.int() })),
  threshold: z.string(),
  void: z.boolean(),
  forms: z.array(
    z.object({
      awardForm: z.string(),
      awardFormName: z.string(),
      places: z.int(),
      candidates: z.array(
        z.object({
          order: z.int(),
          nominationId: z.string(),
          name: z.string(),
          nomineeKind: z.enum(['collective', 'individual']),
          unitName: z.string(),
          female: z.boolean(),
          votes: z.int(),
          percent: z.string(),
          passed: z.boolean(),
          selected: z.boolean(),
          tied: z.boolean(),
        }),
      ),
      selectedNames: z.array(z.string()),
      tie: z.object({ names: z.array(z.string()), places: z.int(), votes: z.int(), femaleNames: z.array(z.string()) }).optional(),
    }),
  ),
  conclusion: z.array(z.string()),
  signatures: z.array(z.object({ role: z.enum(['chair', 'secretary']), title: z.string(), name: z.string() })),
});
const RoundCommon = {
  campaignId: z.string(),
  id: z.string(),
  number: z.int(),
  status: RoundStatus,
  fromRoundId: z.string().optional(),
  attendance: Attendance,
  ballotCount: z.int(),
  ballotsVersion: z.int(),
  talliedBallotsVersion: z.int().optional(),
  talliedAt: z.string().optional(),
  talliedBy: z.string().optional(),
  confirmedAt: z.string().optional(),
  confirmedBy: z.string().optional(),
  supersededBy: z.string().optional(),
  version: z.int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
};
const VotingRound = z.object({
  ...RoundCommon,
  candidates: z.array(Candidate),
  forms: z.array(RoundForm),
  result: TallyResult.optional(),
  minutes: TallyMinutes.optional(),
  decisions: z.array(z.object({ nominationId: z.string(), from: z.string(), to: z.enum(['selected', 'not_selected']) })).optional(),
  ballots: z.array(Ballot).optional(),
});
const VotingRoundSummary = z.object({ ...RoundCommon, candidateCount: z.int(), void: z.boolean().optional() });

/** Request and answer bodies by route key: the same zod schemas the handlers parse with. */
const BODIES: Record<string, { request?: z.ZodType; response: z.ZodType; status?: number }> = {
  'GET /health': { response: z.object({ status: z.literal('ok'), time: z.string() }) },
  'GET /openapi.json': { response: z.object({ openapi: z.string() }).loose() },
  'GET /me': { response: User },
  'GET /units': { response: page(Unit) },
  'PUT /units/{unitId}': { request: Unit, response: Unit },
  'GET /people': { response: page(Person) },
  'PUT /people/{personId}': { request: Person, response: Person },
  'GET /users': { response: page(User) },
  'PUT /users/{email}': { request: User, response: User },
  'GET /campaigns': { response: page(StoredCampaign) },
  'POST /campaigns': { request: Campaign, response: StoredCampaign, status: 201 },
  'GET /campaigns/{campaignId}': { response: StoredCampaign },
  'PUT /campaigns/{campaignId}': { request: z.object({ campaign: Campaign, version: z.int() }), response: StoredCampaign },
  'GET /campaigns/{campaignId}/nominations': { response: page(Nomination) },
  'POST /campaigns/{campaignId}/nominations/batch': { request: SaveBatchRequest, response: SaveBatchResult },
  'DELETE /campaigns/{campaignId}/nominations/{nominationId}': { response: Nomination },
  'POST /campaigns/{campaignId}/nominations/{nominationId}/restore': { response: Nomination },
  'GET /campaigns/{campaignId}/validation': {
    response: z.object({
      issues: z.array(Issue),
      quotaUsage: z.array(QuotaUsage),
      counts: z.object({ nominations: z.int(), errors: z.int(), warnings: z.int() }),
    }),
  },
  'GET /campaigns/{campaignId}/audit': { response: z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() }) },
  'GET /campaigns/{campaignId}/rounds': { response: z.object({ items: z.array(VotingRoundSummary) }) },
  'POST /campaigns/{campaignId}/rounds': { request: CreateRoundRequest, response: VotingRound, status: 201 },
  'GET /campaigns/{campaignId}/rounds/{roundId}': { response: VotingRound },
  'PUT /campaigns/{campaignId}/rounds/{roundId}/ballots': { request: SubmitBallotsRequest, response: VotingRound },
  'POST /campaigns/{campaignId}/rounds/{roundId}/tally': { response: VotingRound },
  'POST /campaigns/{campaignId}/rounds/{roundId}/confirm': { request: ConfirmRoundRequest, response: VotingRound },
};

const schema = (type: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'draft-2020-12' });

/** The API as OpenAPI 3.1, generated from the routes table and the zod schemas; committed as docs/openapi.json. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const bodies = BODIES[routeKey(route)];
    if (!bodies) throw new Error(`no OpenAPI bodies for ${routeKey(route)}`);
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (routeKey(route) === 'POST /campaigns/{campaignId}/nominations/batch') {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } });
    }
    const errorResponse = {
      description: 'Refused: `{code, message: {vi, en}, details}`',
      content: { 'application/json': { schema: schema(ApiErrorBodySchema, 'output') } },
    };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      summary: route.summary,
      operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[/.](\w)/g, (_, c: string) => c.toUpperCase())}`,
      tags: [route.group],
      ...(route.auth ? {} : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(bodies.request
        ? { requestBody: { required: true, content: { 'application/json': { schema: schema(bodies.request, 'input') } } } }
        : {}),
      responses: {
        [String(bodies.status ?? 200)]: {
          description: 'OK',
          content: { 'application/json': { schema: schema(bodies.response, 'output') } },
        },
        '4XX': errorResponse,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'thidua API',
      version: '0.1.0',
      description: 'Emulation and commendation campaigns: nominations validated on save against the plan, quotas enforced atomically.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
