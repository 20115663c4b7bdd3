import type { NominationChange } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import type { TestApi } from './api';
import { paragraphTexts, unzip } from './docx';
import { moveCampaignTo } from '#tests/support/stage';
import { ADMIN, HR, SECRETARY, unitClerk, VIEWER } from './rows';

/**
 * What the documents' integration tests share: a council round whose ballots all mark the same
 * nominations, tallied and confirmed by the secretary, and a document downloaded as bytes.
 */
export async function confirmRoundMarking(api: TestApi, campaignId: string, secretary: string, marked: readonly string[], members = 9) {
  const rounds = `/campaigns/${campaignId}/rounds`;
  const as = { token: secretary };
  const opened = await api.request('POST', rounds, { ...as, body: { attendance: { present: members, writtenVotes: 0 } } });
  if (opened.status !== 201) throw new Error(`round not opened: ${opened.text}`);
  const marks = Object.fromEntries(marked.map((nominationId) => [nominationId, 'x']));
  const ballots = [...Array(members).keys()].map((i) => ({ number: i + 1, marks }));
  await api.request('PUT', `${rounds}/${opened.body.id}/ballots`, { ...as, body: { ballots } });
  const { body: tallied } = await api.request('POST', `${rounds}/${opened.body.id}/tally`, as);
  const confirmed = await api.request('POST', `${rounds}/${opened.body.id}/confirm`, { ...as, body: { version: tallied.version } });
  if (confirmed.status !== 200) throw new Error(`round not confirmed: ${confirmed.text}`);
  return confirmed.body;
}

/** A document as the API answers it, its bytes read as bytes (the test API's request reads text, which would mangle them). */
export async function downloadDocument(api: TestApi, path: string, token: string, query = '') {
  const response = await fetch(`${api.baseUrl}${path}${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The texts of a .docx's paragraphs. */
export function docxTexts(bytes: Uint8Array): string[] {
  return paragraphTexts(unzip(bytes).get('word/document.xml')!);
}

export type DocumentRole = 'admin' | 'hr' | 'secretary' | 'viewer' | 'unit';

/** A campaign of its own for a documents test: the seed's, with the places given per award form; a token per role. */
export async function startDocumentsCampaign(api: TestApi, id: string, places: Record<string, number> = {}) {
  const emails: Record<DocumentRole, string> = { admin: ADMIN, hr: HR, secretary: SECRETARY, viewer: VIEWER, unit: unitClerk('kinh-te') };
  const token = {} as Record<DocumentRole, string>;
  for (const role of Object.keys(emails) as DocumentRole[]) token[role] = await api.tokenFor(emails[role]);
  const quotaRules = SEED_CAMPAIGN.quotaRules.map((rule) => ({ ...rule, max: places[rule.awardForm] ?? rule.max }));
  const created = await api.request('POST', '/campaigns', { token: token.admin, body: { ...SEED_CAMPAIGN, id, quotaRules } });
  if (created.status !== 201) throw new Error(`campaign not created: ${created.text}`);
  await moveCampaignTo(api, 'under_review', id);
  return token;
}

/** Rows saved in one batch by `as`, their ids in order; the saved rows too (their status, findings). */
export async function saveRows(api: TestApi, campaignId: string, as: string, rows: readonly NominationChange[]) {
  const saved = await api.request('POST', `/campaigns/${campaignId}/nominations/batch`, { token: as, body: { rows } });
  if (saved.status !== 200) throw new Error(`rows not saved: ${saved.text}`);
  const answered = saved.body.rows as { id: string; status: string }[];
  return { ids: answered.map((r) => r.id), rows: answered };
}
