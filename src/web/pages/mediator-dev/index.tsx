import { useState } from 'react';
import { Card, Input, InputNumber, Space, Table, Tag, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, qs } from '../../api';
import { pct, type CaseStats } from './labels';

interface Row { id: string; name: string; orgName: string; certificateNo: string | null; specialities: string[]; status: string; currentTerm: { termStart: string; termEnd: string } | null; termExpiring: boolean; trainingHours: number; caseStats: CaseStats }

/** 调解员名册: term, this year's training hours and case figures (from the dispute cases). */
export function MediatorRosterPage() {
  const nav = useNavigate();
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['mediator-roster', q, year, page], queryFn: () => api.get<{ items: Row[]; total: number; trainingTarget: number }>(`/api/mediator-roster${qs({ q, year, page, pageSize: 20 })}`) });
  const target = list.data?.trainingTarget ?? 24;
  return (
    <Card title="调解员名册" extra={<Space><span>年度</span><InputNumber value={year} min={2020} max={2100} onChange={(v) => v && setYear(v)} /><Input.Search placeholder="姓名" allowClear onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 200 }} /></Space>}>
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage }}
        onRow={(r) => ({ onClick: () => nav(`/rosters/mediators/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '所属组织', dataIndex: 'orgName' },
          { title: '聘期', render: (_, r) => (r.currentTerm ? <span>{r.currentTerm.termStart} 至 {r.currentTerm.termEnd} {r.termExpiring && <Tag color="orange">即将期满</Tag>}</span> : <Tag>未在聘</Tag>) },
          { title: `培训学时（目标${target}）`, dataIndex: 'trainingHours', align: 'right', render: (v: number) => <span style={{ color: v < target ? '#d46b08' : undefined }}>{v}</span> },
          { title: '结案数', align: 'right', render: (_, r) => r.caseStats.cases ?? '—' },
          { title: '调解成功率', align: 'right', render: (_, r) => pct(r.caseStats.successRate) },
          { title: '按期结案率', align: 'right', render: (_, r) => pct(r.caseStats.withinLimitRate) },
          { title: <Tooltip title="案件模块尚未采集当事人满意度，显示为“—”">满意度</Tooltip>, align: 'right', render: (_, r) => r.caseStats.satisfaction ?? '—' },
          { title: '状态', dataIndex: 'status', render: (v: string) => (v === 'active' ? <Tag color="green">在册</Tag> : <Tag>已离任</Tag>) },
        ]}
      />
    </Card>
  );
}
