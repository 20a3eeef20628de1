/** Labels shared by the enterprise-services pages (zh-CN). */
export { INDUSTRY_SECTIONS, SIZE_CLASSES } from '../../../domain/enterprise/industries';
export { POLICY_KINDS } from '../../../domain/enterprise-services/policies';
export { RECRUITMENT_MODE_LABELS } from '../../../domain/enterprise-services/recruitment';
export { PARTNER_LABELS, ACTIVITY_LABELS, CULTIVATION_STATUS_LABELS, ASSESSMENT_LABELS } from '../../../domain/enterprise-services/cultivation';
export { SUBJECT_LABELS, LEVEL_LABELS, HARMONY_STATUS_LABELS } from '../../../domain/enterprise-services/harmony';
export { OUTREACH_STATUS_LABELS } from '../../../domain/enterprise-services/outreach';
export { SEVERITY_LABELS } from '../../../domain/self-check/rules';
export { SURVEY_STATUS_LABELS, OCCUPATIONS } from '../../../domain/salary-survey';

export const SEVERITY_COLORS = { high: 'red', medium: 'orange', low: 'blue' } as const;
export const SURVEY_STATUS_COLORS = { draft: 'default', submitted: 'processing', returned: 'warning', accepted: 'success' } as const;
export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
export const yuan = (x: number | null) => (x === null ? '—' : x.toLocaleString('zh-CN', { maximumFractionDigits: 0 }));
