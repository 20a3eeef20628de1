import { Alert, Badge, Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { zh } from '../../locale/zh';
import type { InboxMessage } from './types';

interface CaseItem {
  id: string;
  caseNo: string;
  statusLabel: string;
  respondentName: string;
  primaryClaimLabel: string;
  receivedDate: string;
  nextDue: string | null;
  nextDueLabel: string | null;
}

/** My cases: the worker's applications, or the applications against the enterprise user's company. */
export function PortalCasesPage() {
  const q = useQuery({ queryKey: ['portal-cases'], queryFn: () => api.get<{ items: CaseItem[]; total: number }>('/api/portal/cases?pageSize=50') });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        我的案件
      </Typography.Title>
      {q.data!.items.length === 0 ? (
        <Empty description="还没有案件" />
      ) : (
        <List
          dataSource={q.data!.items}
          renderItem={(c) => (
            <Card size="small" style={{ marginBottom: 10 }} data-testid="portal-case">
              <Link to={`/portal/cases/${c.id}`}>
                <Typography.Text strong>{c.caseNo}</Typography.Text>
              </Link>
              <Tag color="red" style={{ marginLeft: 8 }}>
                {c.statusLabel}
              </Tag>
              <div style={{ color: '#555', marginTop: 4 }}>
                {c.primaryClaimLabel} · {c.respondentName}
              </div>
              <div style={{ color: '#888', fontSize: 12 }}>
                {c.receivedDate} 申请{c.nextDue ? ` · ${c.nextDueLabel}：${c.nextDue}` : ''}
              </div>
            </Card>
          )}
        />
      )}
    </div>
  );
}

/** The in-app inbox: news about the user's cases; opening one marks it read. */
export function PortalInboxPage() {
  const q = useQuery({ queryKey: ['portal-inbox'], queryFn: () => api.get<{ items: InboxMessage[]; unread: number }>('/api/portal/inbox?pageSize=50') });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  const open = (m: InboxMessage) => {
    if (!m.readAt) void api.post(`/api/portal/inbox/${m.id}/read`).then(() => q.refetch());
  };
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        消息 <Badge count={q.data!.unread} />
      </Typography.Title>
      <List
        locale={{ emptyText: '暂无消息' }}
        dataSource={q.data!.items}
        renderItem={(m) => (
          <Card size="small" style={{ marginBottom: 8, borderLeft: m.readAt ? undefined : '3px solid #c0392b' }} data-testid="inbox-item">
            <Link to={m.caseId ? `/portal/cases/${m.caseId}` : '#'} onClick={() => open(m)}>
              <Typography.Text strong={!m.readAt}>{m.title}</Typography.Text>
            </Link>
            <div>{m.body}</div>
            <div style={{ color: '#888', fontSize: 12 }}>
              {new Date(m.createdAt).toLocaleString('zh-CN', { hour12: false })}
              {m.sms ? ' · 已短信通知' : ''}
            </div>
          </Card>
        )}
      />
    </div>
  );
}
