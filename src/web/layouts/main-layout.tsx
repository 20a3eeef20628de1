import { Layout, Menu, Dropdown, Space, Typography, Avatar } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { MenuProps } from 'antd';
import { menuFor } from '../access';
import { useAuth } from '../auth';
import { zh } from '../locale/zh';
import { ROLE_LABELS } from '../../domain/access/roles';

const { Header, Sider, Content } = Layout;

export function MainLayout() {
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  if (!me) return null;
  const entries = menuFor(me);
  const groups = new Map<string, MenuProps['items']>();
  const items: NonNullable<MenuProps['items']> = [];
  for (const e of entries) {
    const item = { key: e.path, label: e.label };
    if (!e.group) items.push(item);
    else {
      if (!groups.has(e.group)) {
        const children: NonNullable<MenuProps['items']> = [];
        groups.set(e.group, children);
        items.push({ key: `group:${e.group}`, label: e.group, children });
      }
      groups.get(e.group)!.push(item);
    }
  }
  const selected = entries.find((e) => location.pathname.startsWith(e.path))?.path ?? '';
  const roleLabel = me.user.roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join('、');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={220} theme="dark">
        <div style={{ color: '#fff', padding: '18px 20px', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {zh.appName} · <span style={{ fontSize: 14, fontWeight: 400 }}>{zh.appTitle}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={[...groups.keys()].map((g) => `group:${g}`)}
          items={items}
          onClick={(e) => navigate(e.key)}
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Dropdown
            menu={{
              items: [{ key: 'logout', label: zh.menu.logout }],
              onClick: async () => {
                await logout();
                void navigate('/login');
              },
            }}
          >
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar style={{ background: '#c0392b' }}>{me.user.displayName.slice(0, 1)}</Avatar>
              <span>{me.user.displayName}</span>
              <Typography.Text type="secondary">
                {roleLabel} · {me.user.orgUnitName}
              </Typography.Text>
            </Space>
          </Dropdown>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
