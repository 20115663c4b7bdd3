import type { AwardForm, Campaign, QuotaRule } from '#shared/campaign';
import { HR_UNIT_ID, SEED_CAMPAIGN } from '#shared/seed/campaign-2025';

/**
 * The yearly emulation titles (Luật Thi đua, khen thưởng 2022): the forms an office runs every year.
 * The criteria are the office's to write and the quotas its to fill (0 places until it does, so that
 * nobody is selected against a cap nobody set); the council's rules are the seed's defaults.
 */
const form = (
  code: string,
  vi: string,
  en: string,
  kinds: AwardForm['nomineeKinds'],
  decidedBy: AwardForm['decidedBy'],
  grantedBy: string,
): AwardForm => ({
  code,
  name: { vi, en },
  grantedBy,
  decidedBy,
  nomineeKinds: kinds,
});

const CHIEF = 'Chánh Văn phòng UBND tỉnh';
const CHAIRMAN = 'Chủ tịch Ủy ban nhân dân tỉnh';

const FORMS: AwardForm[] = [
  form('LAO_DONG_TIEN_TIEN', 'Lao động tiên tiến', 'Advanced Worker', ['individual'], 'office', CHIEF),
  form('CSTD_CO_SO', 'Chiến sĩ thi đua cơ sở', 'Grassroots Emulation Fighter', ['individual'], 'office', CHIEF),
  form('TAP_THE_LDTT', 'Tập thể lao động tiên tiến', 'Advanced Labour Collective', ['collective'], 'office', CHIEF),
  form('TAP_THE_LDXS', 'Tập thể lao động xuất sắc', 'Excellent Labour Collective', ['collective'], 'province', CHAIRMAN),
  form(
    'GIAY_KHEN_CVP',
    'Giấy khen của Chánh Văn phòng',
    'Certificate of Merit of the Chief of Office',
    ['collective', 'individual'],
    'office',
    CHIEF,
  ),
  form(
    'BANG_KHEN_CT_UBND',
    'Bằng khen của Chủ tịch UBND tỉnh',
    "Certificate of Merit of the Provincial People's Committee Chairman",
    ['collective', 'individual'],
    'province',
    CHAIRMAN,
  ),
];

const quota = (awardForm: string): QuotaRule => ({
  id: `QUOTA_${awardForm}`.slice(0, 40),
  awardForm,
  max: 0,
  scope: 'campaign',
  countedStatuses: ['selected', 'awarded'],
  candidateStatuses: ['submitted', 'eligible', 'selected', 'awarded'],
});

/** The template's campaign: its id, title, period and deadline are placeholders the derivation replaces. */
export const ANNUAL_TITLES: Campaign = {
  id: 'mau-danh-hieu-hang-nam',
  title: 'Bình xét danh hiệu thi đua và hình thức khen thưởng năm',
  theme: '',
  issuer: SEED_CAMPAIGN.issuer,
  legalBasis: [{ ref: '06/2022/QH15', date: '2022-06-15', issuer: 'Quốc hội', title: 'Luật Thi đua, khen thưởng' }],
  period: { start: '2025-01-01', end: '2025-12-31' },
  submissionDeadline: '2025-12-31',
  hrUnitId: HR_UNIT_ID,
  participants: SEED_CAMPAIGN.participants,
  awardForms: FORMS,
  quotaRules: FORMS.map((f) => quota(f.code)),
  dossierRequirements: SEED_CAMPAIGN.dossierRequirements.map(({ form: _form, legalReference: _ref, ...doc }) => doc),
  criteria: [],
  criteriaRule: { collective: 'all', individual: 'any' },
  movements: [],
  council: { ...SEED_CAMPAIGN.council, members: [] },
  allowIncompleteSubmission: false,
  lateSubmissions: 'flag',
  dossierFilesRequired: false,
};
