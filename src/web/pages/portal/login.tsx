import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography, App } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, type Me } from '../../api';
import { zh } from '../../locale/zh';

/** Mobile sign-in and self-registration with a verification code. */
export function PortalLoginPage() {
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [error, setError] = useState<string | null>(null);
  const [countdown, setCountdown] = useState(0);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const { message } = App.useApp();

  useEffect(() => {
    if (countdown <= 0) return;
    const t = setTimeout(() => setCountdown(countdown - 1), 1000);
    return () => clearTimeout(t);
  }, [countdown]);

  async function sendCode() {
    setError(null);
    try {
      const phone = (await form.validateFields(['phone'])).phone;
      const r = await api.post<{ retryAfterSeconds: number }>('/api/auth/sms/send', { phone });
      message.success(zh.portal.codeSent);
      setCountdown(r.retryAfterSeconds);
    } catch (e) {
      if (e instanceof ApiError) setError(e.message);
    }
  }

  async function submit(v: { phone: string; code: string }) {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<Me>('/api/auth/sms/login', v);
      setCsrfToken(r.csrfToken);
      qc.setQueryData(['me'], r);
      // back to the page that asked for sign-in (e.g. the application carrying a calculator's amount)
      const from = (location.state as { from?: string } | null)?.from;
      void navigate(from?.startsWith('/portal/') ? from : '/portal', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <div style={{ background: '#c0392b', color: '#fff', padding: '28px 20px 40px' }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
          {zh.portal.title}
        </Typography.Title>
        <Typography.Text style={{ color: '#fde2e0' }}>法律咨询 · 在线调解 · 进度查询</Typography.Text>
      </div>
      <div style={{ maxWidth: 480, margin: '-24px auto 0', padding: '0 16px' }}>
        <Card>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="phone" label={zh.portal.phone} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请输入正确的11位手机号码' }]}>
              <Input size="large" inputMode="numeric" maxLength={11} />
            </Form.Item>
            <Form.Item label={zh.portal.code} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: '验证码为6位数字' }]}>
                  <Input size="large" inputMode="numeric" maxLength={6} />
                </Form.Item>
                <Button size="large" onClick={sendCode} disabled={countdown > 0}>
                  {countdown > 0 ? zh.portal.resend(countdown) : zh.portal.sendCode}
                </Button>
              </Space.Compact>
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              {zh.portal.submit}
            </Button>
          </Form>
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Link to="/login">{zh.portal.staffEntry}</Link>
          </div>
        </Card>
      </div>
    </div>
  );
}
