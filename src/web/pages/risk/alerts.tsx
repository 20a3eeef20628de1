import { Card, Input, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { ALERT_STATUSES, STATUS_LABELS } from '../../../domain/risk/alert-lifecycle';
import { ALERT_LEVELS, LEVEL_LABELS } from '../../../domain/risk/levels';
import { api, qs } from '../../api';
import { zh } from '../../locale/zh';
import { LevelTag } from './components/level-tag';
import { fmtDate, type AlertItem } from './types';

/** 预警处置: open alerts first by level, filters in the URL so a link from the map keeps them. */
export function AlertsPage() {
  const [params, setParams] = useSearchParams();
  const filters = { status: params.get('status') ?? 'active', level: params.get('level') ?? '', uscc: params.get('uscc') ?? '', regionId: params.get('regionId') ?? '', page: Number(params.get('page') ?? 1) };
  const set = (patch: Record<string, string | number>) => setParams(Object.fromEntries(Object.entries({ ...filters, page: 1, ...patch }).filter(([, v]) => v !== '' && v !== undefined).map(([k, v]) => [k, String(v)])));
  const q = useQuery({ queryKey: ['alerts', filters], queryFn: () => api.get<{ items: AlertItem[]; total: number }>(`/api/alerts${qs({ ...filters, pageSize: 20 })}`) });
  return (
    <Card title="预警处置">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 140 }}
          value={filters.status}
          onChange={(v) => set({ status: v })}
          options={[{ value: 'active', label: '未销号' }, ...ALERT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), { value: '', label: '全部状态' }]}
          aria-label="状态"
        />
        <Select style={{ width: 120 }} value={filters.level} onChange={(v) => set({ level: v })} options={[{ value: '', label: '全部等级' }, ...ALERT_LEVELS.map((l) => ({ value: l, label: `${LEVEL_LABELS[l]}预警` }))]} aria-label="等级" />
        <Input.Search placeholder="统一社会信用代码" allowClear defaultValue={filters.uscc} onSearch={(v) => set({ uscc: v.trim() })} style={{ width: 260 }} />
        {filters.regionId && <Tag closable onClose={() => set({ regionId: '' })}>区域 {filters.regionId}</Tag>}
      </Space>
      <Table<AlertItem>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: zh.common.empty }}
        pagination={{ current: filters.page, pageSize: 20, total: q.data?.total, showTotal: (t) => `共 ${t} 条`, onChange: (p) => set({ page: p }) }}
        columns={[
          { title: '等级', dataIndex: 'level', width: 80, render: (l) => <LevelTag level={l} /> },
          {
            title: '对象',
            width: 220,
            render: (_, a) => (
              <Link to={`/risk/alerts/${a.id}`}>{a.enterprise ? a.enterprise.name : <>{a.regionName}（区域性预警）</>}</Link>
            ),
          },
          { title: '预警原因', ellipsis: { showTitle: true }, render: (_, a) => a.reasons.map((r) => r.text).join('；') },
          { title: '区域', dataIndex: 'regionName', width: 150, ellipsis: true },
          { title: '状态', dataIndex: 'statusLabel', width: 80 },
          { title: '处置人', render: (_, a) => a.assignee?.name ?? '—', width: 120, ellipsis: true },
          { title: '发出日期', dataIndex: 'openedAt', width: 110, render: fmtDate },
          {
            title: '时限',
            width: 170,
            render: (_, a) =>
              a.overdueHours > 0 ? <Tag color="red">超时 {a.overdueHours} 小时{a.escalation ? ` · ${a.escalationLabel}` : ''}</Tag> : a.deadline ? <span>{a.deadline.milestone === 'assess' ? '研判' : '销号'}截止 {fmtDate(a.deadline.dueAt)}</span> : '—',
          },
        ]}
      />
    </Card>
  );
}
