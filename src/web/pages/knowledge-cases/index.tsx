import { useState } from 'react';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../api';
import { CASE_SOURCE_LABELS, REVIEW_STATUS_LABELS } from '../../../domain/knowledge/entries';
import { CaseForm } from './case-form';
import type { CaseEntry } from './types';

interface Page {
  items: CaseEntry[];
  total: number;
  page: number;
  pageSize: number;
}

const SOURCE_COLORS = { official: 'blue', published: 'purple', manual: 'gold' } as const;

/** Officials enter typical cases by hand beside the official and published ones; drafts stay internal until reviewed. */
export function KnowledgeCasesPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [filter, setFilter] = useState<{ q?: string; status?: string; source?: string; page: number }>({ page: 1 });
  const [editing, setEditing] = useState<CaseEntry | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['knowledge-cases', filter],
    queryFn: () => api.get<Page>(`/api/knowledge/cases${qs({ ...filter, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.del(`/api/knowledge/cases/${id}`),
    onSuccess: () => {
      void message.success('已删除');
      void client.invalidateQueries({ queryKey: ['knowledge-cases'] });
    },
    onError: (e) => void message.error((e as Error).message),
  });
  return (
    <div>
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          典型案例管理
        </Typography.Title>
        <Space wrap>
          <Input.Search placeholder="标题或案情" allowClear onSearch={(q) => setFilter({ ...filter, q: q || undefined, page: 1 })} style={{ width: 200 }} />
          <Select
            allowClear
            placeholder="来源"
            style={{ width: 140 }}
            data-testid="case-source-filter"
            options={Object.entries(CASE_SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(source?: string) => setFilter({ ...filter, source, page: 1 })}
          />
          <Select
            allowClear
            placeholder="审核状态"
            style={{ width: 120 }}
            options={Object.entries(REVIEW_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(status?: string) => setFilter({ ...filter, status, page: 1 })}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="case-new">
            录入案例
          </Button>
        </Space>
      </Space>
      <Table<CaseEntry>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: filter.page, pageSize: 20, total: list.data?.total ?? 0, onChange: (page) => setFilter({ ...filter, page }), showSizeChanger: false }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, r) => <a onClick={() => setEditing(r)}>{t}</a> },
          { title: '引用条文', dataIndex: 'citations', width: 260, render: (cs: CaseEntry['citations']) => cs.map((c) => c.title).join('；') },
          {
            title: '来源',
            dataIndex: 'source',
            width: 120,
            render: (s: CaseEntry['source']) => <Tag color={SOURCE_COLORS[s]}>{CASE_SOURCE_LABELS[s] ?? s}</Tag>,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (s: CaseEntry['status']) => <Tag color={s === 'reviewed' ? 'green' : 'default'}>{REVIEW_STATUS_LABELS[s]}</Tag>,
          },
          { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (t: string) => t.slice(0, 16).replace('T', ' ') },
          {
            title: '操作',
            width: 110,
            render: (_: unknown, r) =>
              r.abilities.edit ? (
                <Space>
                  <a onClick={() => setEditing(r)}>编辑</a>
                  <Popconfirm title="确定删除该案例？" onConfirm={() => remove.mutate(r.id)}>
                    <a>删除</a>
                  </Popconfirm>
                </Space>
              ) : (
                <a onClick={() => setEditing(r)}>查看</a>
              ),
          },
        ]}
      />
      {editing && (
        <CaseForm
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void client.invalidateQueries({ queryKey: ['knowledge-cases'] });
          }}
        />
      )}
    </div>
  );
}
