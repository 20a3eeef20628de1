import { Card, List, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../../api';

interface Reminder { id: string; planId: string; kind: string; remindOn: string; message: string }
const KIND: Record<string, [string, string]> = { before: ['即将到期', 'gold'], due: ['今日到期', 'orange'], after: ['已逾期', 'red'] };

export function ReminderList() {
  const q = useQuery({ queryKey: ['plan-reminders'], queryFn: () => api.get<{ items: Reminder[] }>('/api/plan-reminders') });
  return (
    <Card title="本单位任务提醒" size="small">
      <List
        size="small"
        loading={q.isLoading}
        locale={{ emptyText: '暂无提醒' }}
        dataSource={q.data?.items.slice(0, 8)}
        renderItem={(r) => (
          <List.Item>
            <Tag color={KIND[r.kind]?.[1]}>{KIND[r.kind]?.[0] ?? r.kind}</Tag> {r.remindOn} <Link to={`/plans/${r.planId}`}>{r.message}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
