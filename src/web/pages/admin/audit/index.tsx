import { useState } from 'react';
import { Card, DatePicker, Form, Input, Table, Typography, Button, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, qs } from '../../../api';
import { zh } from '../../../locale/zh';

interface AuditItem {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}
interface Filters {
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs, Dayjs];
}

export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const params = {
    actor: filters.actor,
    action: filters.action,
    entityType: filters.entityType,
    from: filters.range?.[0]?.format('YYYY-MM-DD'),
    to: filters.range?.[1]?.format('YYYY-MM-DD'),
    page,
    pageSize,
  };
  const q = useQuery({ queryKey: ['audit', params], queryFn: () => api.get<{ items: AuditItem[]; total: number }>(`/api/audit${qs(params)}`) });
  return (
    <Card title="审计日志">
      <Typography.Paragraph type="secondary">记录每一次写操作和个人信息查看；日志只能查询，不能修改或删除。</Typography.Paragraph>
      <Form<Filters>
        layout="inline"
        onFinish={(v) => {
          setPage(1);
          setFilters(v);
        }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="actor" label="操作人">
          <Input allowClear placeholder="姓名" />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Input allowClear placeholder="如 auth.login" />
        </Form.Item>
        <Form.Item name="entityType" label="对象类型">
          <Input allowClear placeholder="如 user" />
        </Form.Item>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {zh.common.search}
          </Button>
        </Space>
      </Form>
      <Table<AuditItem>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: zh.common.empty }}
        expandable={{ expandedRowRender: (r) => <pre style={{ margin: 0, fontSize: 12 }}>{JSON.stringify({ before: r.before, after: r.after }, null, 2)}</pre>, rowExpandable: (r) => r.before != null || r.after != null }}
        pagination={{ current: page, pageSize, total: q.data?.total, showTotal: zh.common.total, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
          { title: '操作人', dataIndex: 'actorName', width: 160 },
          { title: '操作', dataIndex: 'action', width: 160 },
          { title: '对象', render: (_, r) => `${r.entityType}${r.entityId ? ' · ' + r.entityId : ''}` },
          { title: '说明', dataIndex: 'summary' },
          { title: 'IP', dataIndex: 'ip', width: 120 },
        ]}
      />
    </Card>
  );
}
