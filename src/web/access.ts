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
  { key: 'users', path: '/admin/users', label: '用户管理', group: '系统管理', ability: 'user.read' },
  { key: 'apiKeys', path: '/admin/api-keys', label: '接口密钥', group: '系统管理', ability: 'apiKey.manage' },
  { key: 'audit', path: '/admin/audit', label: '审计日志', group: '系统管理', ability: 'audit.read' },
];

export function menuFor(me: Pick<Me, 'abilities' | 'user'>): MenuEntry[] {
  return MENU.filter(
    (m) => (!m.ability || me.abilities[m.ability]) && (!m.roles || m.roles.some((r) => me.user.roles.includes(r))),
  );
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
