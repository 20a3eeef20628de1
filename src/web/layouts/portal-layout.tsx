import { Button, Layout, Typography } from 'antd';
import { Outlet, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { zh } from '../locale/zh';

/** Mobile-first layout of the worker portal: a narrow column, large touch targets. */
export function PortalLayout() {
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <div style={{ background: '#c0392b', color: '#fff', padding: '14px 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 17, fontWeight: 600 }}>{zh.portal.title}</Typography.Text>
        {me && (
          <Button
            size="small"
            ghost
            onClick={async () => {
              await logout();
              void navigate('/portal/login');
            }}
          >
            {zh.menu.logout}
          </Button>
        )}
      </div>
      <div style={{ maxWidth: 560, width: '100%', margin: '0 auto', padding: 16 }}>
        <Outlet />
      </div>
    </Layout>
  );
}
