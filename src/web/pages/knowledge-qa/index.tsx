import { useState } from 'react';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../api';
import { REVIEW_STATUS_LABELS } from '../../../domain/knowledge/entries';
import type { QaView } from '../consult/types';
import { QaForm } from './qa-form';

interface Page {
  items: QaView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Officials maintain the Q&A entries (百问百答): drafts stay internal until reviewed. */
export function KnowledgeQaPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [filter, setFilter] = useState<{ q?: string; status?: string; page: number }>({ page: 1 });
  const [editing, setEditing] = useState<QaView | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['knowledge-qa', filter],
    queryFn: () => api.get<Page>(`/api/knowledge/qa${qs({ ...filter, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.del(`/api/knowledge/qa/${id}`),
    onSuccess: () => {
      void message.success('已删除');
      void client.invalidateQueries({ queryKey: ['knowledge-qa'] });
    },
    onError: (e) => void message.error((e as Error).message),
  });
  return (
    <div>
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          问答管理（百问百答）
        </Typography.Title>
        <Space wrap>
          <Input.Search placeholder="问题或标签" allowClear onSearch={(q) => setFilter({ ...filter, q: q || undefined, page: 1 })} style={{ width: 200 }} />
          <Select
            allowClear
            placeholder="审核状态"
            style={{ width: 120 }}
            options={Object.entries(REVIEW_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(status?: string) => setFilter({ ...filter, status, page: 1 })}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="qa-new">
            新增问答
          </Button>
        </Space>
      </Space>
      <Table<QaView>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: filter.page, pageSize: 20, total: list.data?.total ?? 0, onChange: (page) => setFilter({ ...filter, page }), showSizeChanger: false }}
        columns={[
          { title: '问题', dataIndex: 'question', render: (q: string, r) => <a onClick={() => setEditing(r)}>{q}</a> },
          { title: '引用条文', dataIndex: 'citations', width: 260, render: (cs: QaView['citations']) => cs.map((c) => c.title).join('；') },
          { title: '标签', dataIndex: 'tags', width: 160, render: (ts: string[]) => ts.map((t) => <Tag key={t}>{t}</Tag>) },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (s: QaView['status']) => <Tag color={s === 'reviewed' ? 'green' : 'default'}>{REVIEW_STATUS_LABELS[s]}</Tag>,
          },
          { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (t: string) => t.slice(0, 16).replace('T', ' ') },
          {
            title: '操作',
            width: 110,
            render: (_: unknown, r) => (
              <Space>
                <a onClick={() => setEditing(r)}>编辑</a>
                <Popconfirm title="确定删除该问答？" onConfirm={() => remove.mutate(r.id)}>
                  <a>删除</a>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <QaForm
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void client.invalidateQueries({ queryKey: ['knowledge-qa'] });
          }}
        />
      )}
    </div>
  );
}
