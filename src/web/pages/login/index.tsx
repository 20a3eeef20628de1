import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, type Me } from '../../api';
import { homePath } from '../../access';
import { zh } from '../../locale/zh';

export function LoginPage() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<Me>('/api/auth/login', values);
      setCsrfToken(r.csrfToken);
      qc.setQueryData(['me'], r);
      const from = (location.state as { from?: string } | null)?.from;
      void navigate(from && from !== '/login' ? from : homePath(r), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #7b1e16 0%, #c0392b 60%, #e67e22 100%)', padding: 16 }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {zh.appName} · {zh.appTitle}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {zh.login.title}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={zh.login.username} rules={[{ required: true, message: zh.login.usernameRequired }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item name="password" label={zh.login.password} rules={[{ required: true, message: zh.login.passwordRequired }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {zh.login.submit}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {zh.login.demoHint}
        </Typography.Paragraph>
        <Link to="/portal/login">{zh.login.workerEntry}</Link>
        <div style={{ marginTop: 8 }}>
          <Link to="/consult" data-testid="consult-link">
            {zh.login.consultEntry}
          </Link>
        </div>
      </Card>
    </div>
  );
}
