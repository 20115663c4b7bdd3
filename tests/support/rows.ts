export const CAMPAIGN_ID = 'dot-thi-dua-dac-biet-2025';
export const BATCH = `/campaigns/${CAMPAIGN_ID}/nominations/batch`;
export const HR = 'tochuc@thidua.local';
export const ADMIN = 'admin@thidua.local';
export const SECRETARY = 'thuky@thidua.local';
export const VIEWER = 'lanhdao@thidua.local';
export const unitClerk = (unitId: string) => `${unitId}@thidua.local`;

/** A complete, valid row a clerk would send (the one builder, tests/support/nomination.ts). */
export { nominateIndividual as row, staffOf } from '#tests/support/nomination';
