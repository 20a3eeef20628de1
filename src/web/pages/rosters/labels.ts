export const EMPLOYER_KINDS = [
  { value: 'enterprise', label: '企业' },
  { value: 'union', label: '工会' },
  { value: 'community', label: '社区' },
  { value: 'social_org', label: '社会组织' },
];
export const SKILL_LEVELS = [
  { value: 'level4', label: '四级（中级工）' },
  { value: 'level3', label: '三级（高级工）' },
  { value: 'level2', label: '二级（技师）' },
  { value: 'level1', label: '一级（高级技师）' },
];
export const VISIT_PURPOSES = [
  { value: 'policy', label: '政策服务' },
  { value: 'monitoring', label: '劳动关系监测' },
  { value: 'dispute', label: '矛盾纠纷化解' },
];
export const GRADES = [
  { value: 'excellent', label: '优秀' },
  { value: 'competent', label: '称职' },
  { value: 'basic', label: '基本称职' },
  { value: 'incompetent', label: '不称职' },
];

export interface CoordinatorRow {
  id: string;
  name: string;
  regionId: string;
  employerKindLabel: string;
  employerName: string;
  skillLevelLabel: string | null;
  certificateNo: string | null;
  certifiedOn: string | null;
  status: 'active' | 'exited';
  enterprises: number;
  trainingHours: number;
}
