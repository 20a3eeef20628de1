import { z } from 'zod';

export const EmployerKind = z.enum(['enterprise', 'union', 'community', 'social_org']);
export const EMPLOYER_KIND_LABELS = { enterprise: '企业', union: '工会', community: '社区', social_org: '社会组织' } as const;
/** 劳动关系协调员 national occupational skill levels (四级/中级工 … 一级/高级技师). */
export const SkillLevel = z.enum(['level4', 'level3', 'level2', 'level1']);
export const SKILL_LEVEL_LABELS = { level4: '四级（中级工）', level3: '三级（高级工）', level2: '二级（技师）', level1: '一级（高级技师）' } as const;
export const VisitPurpose = z.enum(['policy', 'monitoring', 'dispute']);
export const VISIT_PURPOSE_LABELS = { policy: '政策服务', monitoring: '劳动关系监测', dispute: '矛盾纠纷化解' } as const;
export const EvaluationGrade = z.enum(['excellent', 'competent', 'basic', 'incompetent']);
export const GRADE_LABELS = { excellent: '优秀', competent: '称职', basic: '基本称职', incompetent: '不称职' } as const;
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
export type EmployerKind = z.infer<typeof EmployerKind>;
export type SkillLevel = z.infer<typeof SkillLevel>;
export type VisitPurpose = z.infer<typeof VisitPurpose>;
export type EvaluationGrade = z.infer<typeof EvaluationGrade>;
