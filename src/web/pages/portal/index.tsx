import { Badge, Button, Card, Col, List, Row, Skeleton, Typography, Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { zh } from '../../locale/zh';

interface Workspace {
  title: string;
  cards: { key: string; label: string; value: number | string; unit?: string }[];
}

/** The worker portal home: the account and what the platform offers, sized for a phone. */
export function PortalHomePage() {
  const { me } = useAuth();
  const q = useQuery({ queryKey: ['workspace'], queryFn: () => api.get<Workspace>('/api/workspace') });
  const inbox = useQuery({ queryKey: ['portal-inbox-count'], queryFn: () => api.get<{ unread: number }>('/api/portal/inbox?unread=1&pageSize=1') });
  const worker = me?.user.roles.includes('worker');
  const tiles = [
    ...(worker ? [{ to: '/portal/apply', label: '申请调解', primary: true, testid: 'portal-apply' }] : []),
    { to: '/portal/cases', label: worker ? '我的案件' : '调解申请', testid: 'portal-cases' },
    { to: '/portal/inbox', label: '消息', badge: inbox.data?.unread ?? 0, testid: 'portal-inbox' },
    ...(worker ? [{ to: '/portal/profile', label: '实名信息', testid: 'portal-profile' }] : []),
  ];
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        您好，{me?.user.displayName}
      </Typography.Title>
      <Row gutter={[10, 10]} style={{ marginBottom: 12 }}>
        {tiles.map((t) => (
          <Col span={12} key={t.to}>
            <Link to={t.to} data-testid={t.testid}>
              <Badge count={t.badge} style={{ zIndex: 2 }}>
                <Button type={t.primary ? 'primary' : 'default'} size="large" block style={{ height: 56, width: '100%', minWidth: 150 }}>
                  {t.label}
                </Button>
              </Badge>
            </Link>
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginBottom: 12 }}>
        <List
          dataSource={q.data!.cards}
          renderItem={(c) => (
            <List.Item data-testid={`card-${c.key}`}>
              <Typography.Text type="secondary">{c.label}</Typography.Text>
              <Typography.Text strong>
                {c.value}
                {c.unit ?? ''}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={zh.consult.title} style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ marginBottom: 8 }}>输入您遇到的问题，查看相关法律条文、参考解答和典型案例；用计算器估算经济补偿、加班费等。</Typography.Paragraph>
        <Link to="/consult" data-testid="portal-consult">
          {zh.consult.title}
        </Link>
        {'　'}
        <Link to="/calculators">{zh.consult.calculators}</Link>
      </Card>
      <Card size="small" title="在线调解" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ marginBottom: 8 }}>调解员安排的在线调解在这里进入：文字调解室、调解方案、视频会议，不用跑腿。</Typography.Paragraph>
        <Link to="/portal/sessions" data-testid="portal-sessions">
          我的在线调解
        </Link>
      </Card>
      <Card size="small" title="遇到劳动纠纷怎么办">
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          可以先与用人单位协商；协商不成的，可以向调解组织申请调解，也可以向劳动人事争议仲裁委员会申请仲裁（劳动争议调解仲裁法 第四条、第五条）。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
