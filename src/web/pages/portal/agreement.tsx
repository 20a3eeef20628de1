import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, List, Skeleton, Space, Tag, Typography, App } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { zh } from '../../locale/zh';
import type { PartyAgreement } from './types';

/** Read the agreement, then confirm it with a one-time code sent to the party's phone. */
export function PortalAgreementPage() {
  const { id = '', agreementId = '' } = useParams();
  const url = `/api/portal/cases/${id}/agreements/${agreementId}`;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [code, setCode] = useState('');
  const [countdown, setCountdown] = useState(0);
  const [devCode, setDevCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['portal-agreement', agreementId], queryFn: () => api.get<PartyAgreement>(url) });
  useEffect(() => {
    if (countdown <= 0) return;
    const t = setTimeout(() => setCountdown(countdown - 1), 1000);
    return () => clearTimeout(t);
  }, [countdown]);
  const send = useMutation({
    mutationFn: () => api.post<{ phoneMasked: string; retryAfterSeconds: number; devCode?: string }>(`${url}/code`),
    onSuccess: (r) => {
      message.success(`验证码已发送至 ${r.phoneMasked}`);
      setCountdown(r.retryAfterSeconds);
      setDevCode(r.devCode ?? null);
    },
    onError: (e) => setError((e as Error).message),
  });
  const confirm = useMutation({
    mutationFn: () => api.post<PartyAgreement>(`${url}/confirm`, { code }),
    onSuccess: (r) => {
      qc.setQueryData(['portal-agreement', agreementId], r);
      void qc.invalidateQueries({ queryKey: ['portal-case', id] });
      setError(null);
      message.success(r.status === 'effective' ? '双方均已确认，协议生效' : '您已确认，等待对方确认');
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : '确认失败'),
  });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  const a = q.data!;
  return (
    <div>
      <Link to={`/portal/cases/${id}`}>‹ 返回案件</Link>
      <Typography.Title level={4} style={{ margin: '8px 0 4px' }}>
        {a.kindLabel}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Tag color={a.status === 'effective' ? 'green' : 'orange'} data-testid="agreement-status">
          {a.statusLabel}
        </Tag>
        <Typography.Text type="secondary">{a.caseNo}</Typography.Text>
      </Space>
      <Card size="small" title="协议全文" style={{ marginBottom: 12 }}>
        <div style={{ maxHeight: 360, overflow: 'auto', whiteSpace: 'pre-wrap', fontSize: 14, lineHeight: 1.8 }} data-testid="agreement-text">
          {a.text ?? '协议书正在生成，请稍后刷新'}
        </div>
        <Typography.Paragraph type="secondary" style={{ fontSize: 11, marginTop: 8, marginBottom: 0, wordBreak: 'break-all' }}>
          文本摘要（SHA-256）：{a.documentSha256}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="确认情况" style={{ marginBottom: 12 }}>
        <List
          size="small"
          locale={{ emptyText: '双方均未确认' }}
          dataSource={a.confirmations}
          renderItem={(x) => (
            <List.Item data-testid="confirmation">
              {x.partyLabel}（{x.userName}）于 {new Date(x.confirmedAt).toLocaleString('zh-CN', { hour12: false })} 确认
            </List.Item>
          )}
        />
      </Card>
      {a.canConfirm && (
        <Card size="small" title={`以${a.partyLabel}身份确认`}>
          <Typography.Paragraph type="secondary">请认真阅读协议全文。确认后，您的确认和协议文本摘要将记录在协议书上；双方均确认后协议生效。</Typography.Paragraph>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} role="alert" />}
          {devCode && <Alert type="info" message={`开发环境验证码：${devCode}`} style={{ marginBottom: 8 }} data-testid="dev-code" />}
          <Space.Compact style={{ width: '100%' }}>
            <Input size="large" inputMode="numeric" maxLength={6} placeholder="6位验证码" value={code} onChange={(e) => setCode(e.target.value)} data-testid="confirm-code" />
            <Button size="large" onClick={() => send.mutate()} disabled={countdown > 0} loading={send.isPending} data-testid="send-code">
              {countdown > 0 ? `${countdown}秒后重发` : '获取验证码'}
            </Button>
          </Space.Compact>
          <Button type="primary" size="large" block style={{ marginTop: 12 }} disabled={code.length !== 6} loading={confirm.isPending} onClick={() => confirm.mutate()} data-testid="confirm-agreement">
            确认协议
          </Button>
        </Card>
      )}
    </div>
  );
}
