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
  { key: 'cases', path: '/cases', label: '争议案件', group: '调解仲裁', ability: 'case.read' },
  { key: 'caseStats', path: '/case-stats', label: '案件统计', group: '调解仲裁', ability: 'case.stats' },
  { key: 'mediationOrgs', path: '/mediation-orgs', label: '调解组织名录', group: '调解仲裁', ability: 'mediationOrg.read' },
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
