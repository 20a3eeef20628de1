import type { Me } from './api';

/**
 * Which menus and routes a user gets, decided from the abilities the server sends with /api/me.
 * Pure and tested; pages never re-implement permission rules.
 */
export interface MenuEntry {
  key: string;
  path: string;
  label: string;
  group?: string;
  ability?: string;
  roles?: string[];
}

export const MENU: MenuEntry[] = [
  { key: 'workspace', path: '/workspace', label: '工作台', ability: 'workspace.read' },
  { key: 'enterprises', path: '/enterprises', label: '企业名录', ability: 'enterprise.read' },
  { key: 'dashboard', path: '/dashboard', label: '工会大脑', ability: 'enterprise.dashboard' },
  // Enterprise services (issue 11)
  { key: 'outreach', path: '/services/outreach', label: '新企业走访', group: '企业服务', ability: 'outreach.read' },
  { key: 'recruitment', path: '/services/recruitment', label: '招聘活动', group: '企业服务', ability: 'recruitment.read' },
  { key: 'policies', path: '/services/policies', label: '政策推送', group: '企业服务', ability: 'policy.read' },
  { key: 'inbox', path: '/services/inbox', label: '政策收件箱', group: '企业服务', ability: 'policy.inbox' },
  { key: 'cultivation', path: '/services/cultivation', label: '企业培育', group: '企业服务', ability: 'cultivation.read' },
  { key: 'harmony', path: '/services/harmony', label: '和谐创建', group: '企业服务', ability: 'harmony.read' },
  { key: 'selfCheck', path: '/services/self-check', label: '劳动用工体检', group: '企业服务', ability: 'selfCheck.answer' },
  { key: 'selfCheckResults', path: '/services/self-check-results', label: '用工体检结果', group: '企业服务', ability: 'selfCheck.stats' },
  { key: 'salarySurvey', path: '/services/salary-survey', label: '薪酬调查填报', group: '企业服务', ability: 'salarySurvey.fill' },
  { key: 'salarySurveyReview', path: '/services/salary-survey-review', label: '薪酬调查审核', group: '企业服务', ability: 'salarySurvey.review' },
  // Risk monitoring and early warning
  { key: 'riskMap', path: '/risk/map', label: '风险地图', group: '风险预警', ability: 'risk.read' },
  { key: 'alerts', path: '/risk/alerts', label: '预警处置', group: '风险预警', ability: 'alert.read' },
  { key: 'signals', path: '/risk/signals', label: '风险信号', group: '风险预警', ability: 'signal.read' },
  { key: 'riskRules', path: '/risk/rules', label: '评分规则', group: '风险预警', ability: 'risk.configure' },
  { key: 'cases', path: '/cases', label: '争议案件', group: '调解仲裁', ability: 'case.read' },
  { key: 'caseStats', path: '/case-stats', label: '案件统计', group: '调解仲裁', ability: 'case.stats' },
  // worker and enterprise portal (issue 7): the enterprise side of applications, through the same portal pages
  { key: 'portalCases', path: '/portal/cases', label: '调解申请与协议确认', group: '调解仲裁', ability: 'portal.use' },
  { key: 'mediationOrgs', path: '/mediation-orgs', label: '调解组织名录', group: '调解仲裁', ability: 'mediationOrg.read' },
  { key: 'users', path: '/admin/users', label: '用户管理', group: '系统管理', ability: 'user.read' },
  { key: 'apiKeys', path: '/admin/api-keys', label: '接口密钥', group: '系统管理', ability: 'apiKey.manage' },
  { key: 'audit', path: '/admin/audit', label: '审计日志', group: '系统管理', ability: 'audit.read' },
  { key: 'plans', path: '/plans', label: '方案与任务', group: '目标管理', ability: 'plan.read' },
  { key: 'cockpit', path: '/cockpit', label: '领导驾驶舱', group: '目标管理', ability: 'indicator.read' },
  { key: 'indicators', path: '/indicators', label: '指标目标与填报', group: '目标管理', ability: 'indicator.read' },
  { key: 'evaluations', path: '/evaluations', label: '试验区评估', group: '目标管理', ability: 'evaluation.manage' },
  // collective contracts and union building (issue 8)
  { key: 'contracts', path: '/contracts', label: '集体合同', group: '集体合同与建会', ability: 'contract.read' },
  { key: 'unionBuilding', path: '/union-building', label: '建会推进', group: '集体合同与建会', ability: 'unionBuilding.read' },
  // labor-security supervision (issue 10)
  { key: 'complaints', path: '/complaints', label: '投诉举报', group: '劳动保障监察', ability: 'complaint.handle' },
  { key: 'credit', path: '/credit', label: '守法诚信等级', group: '劳动保障监察', ability: 'credit.manage' },
  { key: 'creditLists', path: '/credit-lists', label: '红黑名单', group: '劳动保障监察', ability: 'creditList.read' },
  { key: 'inspections', path: '/inspections', label: '双随机抽查', group: '劳动保障监察', ability: 'inspection.manage' },
  { key: 'wage', path: '/wage', label: '根治欠薪', group: '劳动保障监察', ability: 'wage.read' },
  { key: 'knowledgeQa', path: '/knowledge/qa', label: '问答管理', group: '法律咨询', ability: 'knowledge.edit' },
  { key: 'knowledgeCases', path: '/knowledge/cases', label: '典型案例管理', group: '法律咨询', ability: 'knowledge.edit' },
  // rosters and yearly recognition (issue 9)
  { key: 'coordinators', path: '/rosters/coordinators', label: '协调员名册', group: '名册与评选', ability: 'coordinator.read' },
  { key: 'coordinatorCoverage', path: '/rosters/coverage', label: '协调员覆盖', group: '名册与评选', ability: 'coordinator.coverage' },
  { key: 'mediationAssessments', path: '/rosters/mediation-assessments', label: '调解组织规范化', group: '名册与评选', ability: 'mediationAssessment.read' },
  { key: 'recognition', path: '/recognition', label: '年度金牌评选', group: '名册与评选', ability: 'award.read' },
  { key: 'mediatorRoster', path: '/rosters/mediators', label: '调解员名册', group: '名册与评选', ability: 'mediatorRoster.read' },
  { key: 'mediatorDevelopment', path: '/rosters/development', label: '师徒结对与竞赛', group: '名册与评选', ability: 'mediatorRoster.read' },
  { key: 'trainingEvents', path: '/rosters/training', label: '培训与交流', group: '名册与评选', ability: 'trainingEvent.read' },
  { key: 'socialOrgs', path: '/rosters/social-orgs', label: '社会组织台账', group: '名册与评选', ability: 'socialOrg.read' },
  { key: 'experts', path: '/rosters/experts', label: '专家服务团队', group: '名册与评选', ability: 'expert.read' },
];

const SYSTEM_GROUP = '系统管理';

/** The entries this user may see, in menu order (business modules first, system administration last). */
export function menuFor(me: Pick<Me, 'abilities' | 'user'>): MenuEntry[] {
  const visible = MENU.filter(
    (m) => (!m.ability || me.abilities[m.ability]) && (!m.roles || m.roles.some((r) => me.user.roles.includes(r))),
  );
  return [...visible.filter((m) => m.group !== SYSTEM_GROUP), ...visible.filter((m) => m.group === SYSTEM_GROUP)];
}

export function canAccessPath(me: Pick<Me, 'abilities' | 'user'>, path: string): boolean {
  const entry = MENU.find((m) => path === m.path || path.startsWith(m.path + '/'));
  if (!entry) return true;
  return menuFor(me).includes(entry);
}

/** Workers use the mobile portal; everyone else the office layout. */
export function homePath(me: Pick<Me, 'user'>): string {
  return me.user.roles.length === 1 && me.user.roles[0] === 'worker' ? '/portal' : '/workspace';
}
