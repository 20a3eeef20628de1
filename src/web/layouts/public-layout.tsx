import { Layout, Space, Typography } from 'antd';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useAuth } from '../auth';
import { zh } from '../locale/zh';
import './public.css';

/** Public pages (consultation, calculators): no login, a narrow column that works on a phone. */
export function PublicLayout() {
  const { me } = useAuth();
  return (
    <Layout className="public-layout">
      <header className="public-header no-print">
        <Link to="/consult" className="public-brand">
          {zh.appName} · {zh.consult.title}
        </Link>
        <Space size={14} wrap>
          <NavLink to="/consult">{zh.consult.title}</NavLink>
          <NavLink to="/calculators">{zh.consult.calculators}</NavLink>
          <NavLink to="/consult/laws">{zh.consult.laws}</NavLink>
          <NavLink to="/public/credit">信用公示</NavLink>
          {me ? <Link to="/">{zh.consult.home}</Link> : <Link to="/portal/login">{zh.consult.workerLogin}</Link>}
        </Space>
      </header>
      <main className="public-main">
        <Outlet />
        <Typography.Paragraph type="secondary" className="public-disclaimer">
          {zh.consult.disclaimer}
        </Typography.Paragraph>
      </main>
    </Layout>
  );
}
