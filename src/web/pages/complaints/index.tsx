import { useState } from 'react';
import { Card, Input, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, qs } from '../../api';
import { DeadlineTag } from './components/deadline-tag';
import type { ComplaintItem } from './types';

const PRIORITY_COLORS: Record<string, string> = { urgent: 'red', high: 'orange', normal: 'default' };

/** 投诉举报: the inspectors' queue with the statutory deadline of each complaint. */
export function ComplaintsPage() {
  const [status, setStatus] = useState<string>('');
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['complaints', status, overdue, mine, q, page],
    queryFn: () => api.get<{ items: ComplaintItem[]; total: number }>(`/api/complaints${qs({ status: status || undefined, overdue: overdue ? '1' : undefined, mine: mine ? '1' : undefined, q: q || undefined, page, pageSize: 20 })}`),
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>投诉举报</Typography.Title>
      <Typography.Text type="secondary">受理期限：接到投诉之日起5个工作日；调查期限：立案之日起60个工作日，情况复杂的经负责人批准可延长30个工作日（《劳动保障监察条例》第十七条）。</Typography.Text>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented value={status} onChange={(v) => (setStatus(String(v)), setPage(1))} options={[{ value: '', label: '全部' }, { value: 'received', label: '待受理' }, { value: 'accepted', label: '调查中' }, { value: 'rectifying', label: '整改中' }, { value: 'closed', label: '已办结' }, { value: 'rejected', label: '不予受理' }]} />
          <Space><Switch checked={overdue} onChange={(v) => (setOverdue(v), setPage(1))} />只看逾期</Space>
          <Space><Switch checked={mine} onChange={(v) => (setMine(v), setPage(1))} />我承办的</Space>
          <Input.Search allowClear placeholder="被投诉单位" onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 220 }} />
        </Space>
        <Table<ComplaintItem>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items}
          pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
            { title: '被投诉单位', render: (_, r) => <Link to={`/complaints/${r.id}`}>{r.employerName}</Link> },
            { title: '事项', render: (_, r) => r.issues.map((i) => <Tag key={i.code}>{i.name}</Tag>) },
            { title: '来源', render: (_, r) => `${r.channelName}${r.anonymous ? '（匿名）' : ''}`, width: 150 },
            { title: '优先级', render: (_, r) => <Tag color={PRIORITY_COLORS[r.priority]}>{r.priorityName}</Tag>, width: 80 },
            { title: '状态', dataIndex: 'statusName', width: 130 },
            { title: '承办人', dataIndex: 'assigneeName', width: 140 },
            { title: '法定期限', render: (_, r) => <DeadlineTag d={r.deadline} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
