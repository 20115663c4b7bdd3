/** The demo users the tests sign in as (shared/seed/demo-office.ts). */
export const HR = 'tochuc@thidua.local';
export const ADMIN = 'admin@thidua.local';
export const SECRETARY = 'thuky@thidua.local';
export const VIEWER = 'lanhdao@thidua.local';
export const unitClerk = (unitId: string) => `${unitId}@thidua.local`;
export const CAMPAIGN_ID = 'dot-thi-dua-dac-biet-2025';
