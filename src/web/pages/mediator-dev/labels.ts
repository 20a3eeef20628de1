export interface CaseStats { cases: number | null; successRate: number | null; withinLimitRate: number | null; satisfaction: number | null }
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
export const DISMISSAL_GROUNDS = [
  { value: 'misconduct', label: '严重失职或违法违纪，侵害当事人合法权益（第三十五条）' },
  { value: 'unable', label: '不能履行调解职责（第十九条）' },
  { value: 'resigned', label: '本人申请辞任' },
  { value: 'other', label: '其他原因' },
];
export const SOCIAL_ORG_TYPES = [
  { value: 'association', label: '社会团体（行业协会、促进会）' },
  { value: 'private_nonprofit', label: '民办非企业单位（社会服务机构）' },
  { value: 'foundation', label: '基金会' },
  { value: 'law_firm', label: '律师事务所' },
  { value: 'other', label: '其他' },
];
export const ORG_SIZES = [
  { value: 'small', label: '小型（10人以下）' },
  { value: 'medium', label: '中型（10–49人）' },
  { value: 'large', label: '大型（50人以上）' },
];
export const SERVICES = [
  { value: 'legal_consulting', label: '法律法规政策咨询' },
  { value: 'employment_service', label: '劳动用工服务' },
  { value: 'dispute_mediation', label: '劳动纠纷调解' },
  { value: 'counselling', label: '心理疏导' },
  { value: 'training', label: '培训交流' },
  { value: 'other', label: '其他' },
];
export const EXPERT_KINDS = [
  { value: 'lawyer', label: '律师' },
  { value: 'judge', label: '法官' },
  { value: 'arbitrator', label: '仲裁员' },
  { value: 'scholar', label: '专家学者' },
  { value: 'hr', label: '人力资源管理' },
  { value: 'other', label: '其他' },
];
