import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { zh } from '../../locale/zh';
import { CASE_STATUS_LABELS, CASE_STATUSES } from '../../../domain/cases/state-machine';
import { CLAIM_TYPE_LABELS, CLAIM_TYPES } from '../../../domain/cases/claim-types';
import { DUE_COLORS, DUE_LABELS, yuan, type CaseItem } from './types';

/** The case list: filters, overdue and due-soon highlighting, collective disputes flagged. */
export function CasesPage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const filters = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    claimType: params.get('claimType') ?? '',
    due: params.get('due') ?? '',
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
    setPage(1);
  };
  const q = useQuery({
    queryKey: ['cases', filters, page],
    queryFn: () =>
      api.get<{ items: CaseItem[]; total: number; totalCapped?: boolean }>(
        `/api/cases${qs({ ...filters, page, pageSize: 20, sort: filters.due ? 'due' : 'received' })}`,
      ),
  });
  const reminders = useQuery({
    queryKey: ['case-reminders'],
    enabled: !!me?.abilities['case.handle'],
    queryFn: () => api.get<{ cases: CaseItem[]; obligations: { overdue: boolean }[] }>('/api/cases/reminders'),
  });
  const overdue = reminders.data?.cases.filter((c) => c.dueStatus === 'overdue').length ?? 0;
  const soon = reminders.data?.cases.filter((c) => c.dueStatus === 'due_soon').length ?? 0;
  const late = reminders.data?.obligations.filter((o) => o.overdue).length ?? 0;
  return (
    <Card
      title="劳动争议案件"
      extra={
        me?.abilities['case.create'] && (
          <Button type="primary" onClick={() => navigate('/cases/new')}>
            登记案件
          </Button>
        )
      }
    >
      {overdue + soon + late > 0 && (
        <Alert
          type={overdue || late ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={`期限提醒：${overdue} 件已超期，${soon} 件3日内到期；${late} 项协议履行已逾期`}
          action={
            <Button size="small" onClick={() => set('due', overdue ? 'overdue' : 'due_soon')}>
              查看
            </Button>
          }
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="案号或被申请人"
          allowClear
          defaultValue={filters.q}
          onSearch={(v) => set('q', v)}
          style={{ width: 220 }}
        />
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 160 }}
          value={filters.status || undefined}
          onChange={(v) => set('status', v)}
          options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
        />
        <Select
          placeholder="争议类型"
          allowClear
          style={{ width: 140 }}
          value={filters.claimType || undefined}
          onChange={(v) => set('claimType', v)}
          options={CLAIM_TYPES.map((s) => ({ value: s, label: CLAIM_TYPE_LABELS[s] }))}
        />
        <Select
          placeholder="期限"
          allowClear
          style={{ width: 130 }}
          value={filters.due || undefined}
          onChange={(v) => set('due', v)}
          options={[
            { value: 'overdue', label: '已超期' },
            { value: 'due_soon', label: '3日内到期' },
          ]}
        />
        <DatePicker.RangePicker value={range} onChange={(v) => (setRange(v), setPage(1))} placeholder={['收到申请起', '止']} />
      </Space>
      <Table<CaseItem>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: zh.common.empty }}
        rowClassName={(r) => (r.dueStatus === 'overdue' ? 'row-overdue' : r.dueStatus === 'due_soon' ? 'row-due-soon' : '')}
        onRow={(r) => ({
          style: r.dueStatus === 'overdue' ? { background: '#fff1f0' } : r.dueStatus === 'due_soon' ? { background: '#fff7e6' } : undefined,
        })}
        pagination={{
          current: page,
          total: q.data?.total,
          pageSize: 20,
          showTotal: (n) => (q.data?.totalCapped ? `超过 ${n} 条，请缩小筛选范围` : zh.common.total(n)),
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: '案号', dataIndex: 'caseNo', width: 170, render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
          { title: '收到申请', dataIndex: 'receivedDate', width: 110 },
          { title: '被申请人', dataIndex: 'respondentName', ellipsis: true },
          {
            title: '申请人',
            dataIndex: 'applicantCount',
            width: 110,
            render: (n: number, r) => (
              <Space size={4}>
                {n}人{r.collective && <Tag color="volcano">集体</Tag>}
              </Space>
            ),
          },
          { title: '争议类型', dataIndex: 'primaryClaimLabel', width: 110 },
          { title: '受理组织', dataIndex: 'organizationName', ellipsis: true },
          { title: '状态', dataIndex: 'statusLabel', width: 140, render: (v: string) => <Tag>{v}</Tag> },
          {
            title: '期限',
            dataIndex: 'nextDue',
            width: 170,
            render: (v: string | null, r) =>
              v ? (
                <Space direction="vertical" size={0}>
                  <Tag color={DUE_COLORS[r.dueStatus ?? 'ok']}>{DUE_LABELS[r.dueStatus ?? 'ok']}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.nextDueLabel} {v}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          { title: '请求金额', dataIndex: 'amountClaimed', width: 120, align: 'right', render: (v: number) => yuan(v) },
        ]}
      />
    </Card>
  );
}
