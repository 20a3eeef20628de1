import { Alert, App, Button, List, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../../api';
import type { Paged } from '../types';

interface Reminder {
  id: string;
  contractId: string;
  contractTitle: string;
  enterpriseName: string | null;
  kind: 'expiring' | 'expired';
  kindLabel: string;
  termEnd: string;
  raisedOn: string;
  message: string;
  renewalNegotiationId: string | null;
  canDismiss: boolean;
}

/** Open renewal reminders raised by the scheduled contract job (集体合同规定 第三十八条). */
export function RenewalReminders() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['contract-reminders'], queryFn: () => api.get<Paged<Reminder>>('/api/collective-contracts/reminders?pageSize=10') });
  const dismiss = useMutation({
    mutationFn: (id: string) => api.post(`/api/collective-contracts/reminders/${id}/dismiss`),
    onSuccess: () => {
      message.success('已标记处理');
      void qc.invalidateQueries({ queryKey: ['contract-reminders'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  if (!list.data?.total) return null;
  return (
    <Alert
      type="warning"
      style={{ marginBottom: 16 }}
      title={`续签提醒（${list.data.total}条待处理）`}
      description={
        <List
          size="small"
          dataSource={list.data.items}
          renderItem={(r) => (
            <List.Item
              actions={[
                r.renewalNegotiationId ? <Link key="n" to={`/contracts/negotiations/${r.renewalNegotiationId}`}>续签协商中</Link> : null,
                r.canDismiss ? (
                  <Button key="d" size="small" type="link" onClick={() => dismiss.mutate(r.id)} loading={dismiss.isPending}>
                    标记已处理
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <Space wrap>
                <Tag color={r.kind === 'expired' ? 'red' : 'orange'}>{r.kindLabel}</Tag>
                <Link to={`/contracts/${r.contractId}`}>{r.contractTitle}</Link>
                <span style={{ color: '#666' }}>{r.message}</span>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
