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
  // Risk monitoring and early warning
  { key: 'riskMap', path: '/risk/map', label: '风险地图', group: '风险预警', ability: 'risk.read' },
  { key: 'alerts', path: '/risk/alerts', label: '预警处置', group: '风险预警', ability: 'alert.read' },
  { key: 'signals', path: '/risk/signals', label: '风险信号', group: '风险预警', ability: 'signal.read' },
  { key: 'riskRules', path: '/risk/rules', label: '评分规则', group: '风险预警', ability: 'risk.configure' },
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
