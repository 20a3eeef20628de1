import { Alert, Button, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { zh } from '../../locale/zh';
import { STATUS_COLORS, chinaTime, type SessionSummary } from './types';

/** A party's online mediations (phone first): upcoming ones first, each with its entry to the room. */
export function MySessionsPage() {
  const q = useQuery({ queryKey: ['my-sessions'], queryFn: () => api.get<{ items: SessionSummary[] }>('/api/sessions?pageSize=50') });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  const items = q.data!.items;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        我的在线调解
      </Typography.Title>
      {items.length === 0 ? <Empty description="暂无在线调解安排" /> : <SessionList items={items} />}
    </div>
  );
}

export function SessionList({ items }: { items: SessionSummary[] }) {
  return (
    <List
      dataSource={items}
      renderItem={(s) => {
        const live = s.status === 'scheduled' || s.status === 'in_progress';
        return (
          <Card size="small" style={{ marginBottom: 8 }} data-testid={`session-${s.id}`}>
            <Space direction="vertical" style={{ width: '100%' }} size={4}>
              <Space wrap>
                <Typography.Text strong>{s.title}</Typography.Text>
                <Tag color={STATUS_COLORS[s.status]}>{s.statusLabel}</Tag>
              </Space>
              <Typography.Text type="secondary">
                {chinaTime(s.scheduledAt)} · {s.modeLabel}
                {s.video.requested && !s.video.enabled ? '（视频未开启）' : ''}
              </Typography.Text>
              {live ? (
                <Link to={s.link}>
                  <Button type="primary" block data-testid="enter-room">
                    进入调解室
                  </Button>
                </Link>
              ) : (
                <Link to={s.link}>查看调解记录</Link>
              )}
            </Space>
          </Card>
        );
      }}
    />
  );
}
