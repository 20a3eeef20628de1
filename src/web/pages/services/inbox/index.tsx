import { useState } from 'react';
import { Badge, Card, Drawer, List, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import { POLICY_KINDS } from '../labels';

interface Item { policyId: string; title: string; kind: keyof typeof POLICY_KINDS; summary: string | null; deliveredAt: string; readAt: string | null }

export function PolicyInboxPage() {
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['inbox'], queryFn: () => api.get<{ items: Item[]; unread: number }>('/api/policy-inbox?pageSize=50') });
  const item = useQuery({ queryKey: ['inbox', open], queryFn: () => api.get<Item & { body: string }>(`/api/policy-inbox/${open}`), enabled: !!open });
  const read = useMutation({ mutationFn: (id: string) => api.post(`/api/policy-inbox/${id}/read`), onSuccess: () => void qc.invalidateQueries({ queryKey: ['inbox'] }) });
  const show = (i: Item) => {
    setOpen(i.policyId);
    if (!i.readAt) read.mutate(i.policyId);
  };
  return (
    <Card title={<Badge count={list.data?.unread} offset={[12, 0]}>政策收件箱</Badge>}>
      <List
        loading={list.isLoading}
        dataSource={list.data?.items}
        renderItem={(i) => (
          <List.Item onClick={() => show(i)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={
                <>
                  {!i.readAt && <Badge status="error" />} <Tag>{POLICY_KINDS[i.kind]}</Tag>
                  <Typography.Text strong={!i.readAt}>{i.title}</Typography.Text>
                </>
              }
              description={`${i.summary ?? ''} ${new Date(i.deliveredAt).toLocaleDateString('zh-CN')}`}
            />
          </List.Item>
        )}
      />
      <Drawer title={item.data?.title} open={!!open} onClose={() => setOpen(null)} width={640}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.data?.body}</Typography.Paragraph>
      </Drawer>
    </Card>
  );
}
