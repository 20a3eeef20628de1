import { useState } from 'react';
import { Alert, Card, Col, InputNumber, Progress, Row, Space, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api';
import { BarChart } from '../../components/bar-chart';

interface Group { key: string; name: string; enterprises: number; covered: number; rate: number | null; gap: number }
interface Coverage { target: number; total: Group; meetsTarget: boolean; byStreet: Group[]; byIndustry: Group[] }

const columns = (first: string) => [
  { title: first, dataIndex: 'name' },
  { title: '大中型企业', dataIndex: 'enterprises', align: 'right' as const },
  { title: '已配备协调员', dataIndex: 'covered', align: 'right' as const },
  { title: '覆盖率', dataIndex: 'rate', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
  { title: '距目标尚差', dataIndex: 'gap', align: 'right' as const, render: (v: number) => (v ? `${v}家` : '已达标') },
];

/** Large and medium enterprises with at least one coordinator, by street and industry, against the plan's target. */
export function CoveragePage() {
  const [target, setTarget] = useState<number | null>(null);
  const q = useQuery({ queryKey: ['coord-coverage', target], queryFn: () => api.get<Coverage>(`/api/coordinators/coverage${qs({ target })}`) });
  const c = q.data;
  return (
    <Card title="大中型企业劳动关系协调员覆盖情况" loading={q.isLoading} extra={<Space>目标覆盖率 <InputNumber min={1} max={100} value={target ?? c?.target} onChange={(v) => setTarget(v)} suffix="%" /></Space>}>
      {c && (
        <>
          <Alert type={c.meetsTarget ? 'success' : 'warning'} showIcon style={{ marginBottom: 16 }} message={`方案目标：三年内大部分大中型企业配备劳动关系协调员（本页按 ${c.target}% 计）。${c.meetsTarget ? '已达到目标。' : `还需为 ${c.total.gap} 家企业配备协调员。`}`} />
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}><Statistic title="大中型企业" value={c.total.enterprises} suffix="家" /></Col>
            <Col span={6}><Statistic title="已配备协调员" value={c.total.covered} suffix="家" /></Col>
            <Col span={6}><Statistic title="覆盖率" value={c.total.rate ?? 0} suffix="%" /></Col>
            <Col span={6}><Progress type="dashboard" size={90} percent={c.total.rate ?? 0} success={{ percent: Math.min(c.total.rate ?? 0, c.target) }} /></Col>
          </Row>
          <BarChart items={c.byStreet.map((g) => ({ name: g.name, value: g.rate ?? 0 }))} height={240} />
          <Table rowKey="key" size="small" pagination={false} dataSource={c.byStreet} columns={columns('街道（镇）')} style={{ marginBottom: 16 }} />
          <Table rowKey="key" size="small" pagination={false} dataSource={c.byIndustry} columns={columns('行业')} />
        </>
      )}
    </Card>
  );
}
