import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { zh } from '../../locale/zh';
import { UnionTargets } from './components/targets';
import { usePanels } from './components/panels';
import { UnionWork } from './components/union-work';
import { pct, type Dashboard } from './types';

export function DashboardPage() {
  const { me } = useAuth();
  const [year, setYear] = useState(new Date().getFullYear());
  const q = useQuery({ queryKey: ['dashboard', year], queryFn: () => api.get<Dashboard>(`/api/dashboard/enterprises${qs({ year })}`) });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  return <DashboardBody d={q.data!} year={year} setYear={setYear} editable={!!me?.abilities['unionTarget.manage']} />;
}

function DashboardBody({ d, year, setYear, editable }: { d: Dashboard; year: number; setYear: (y: number) => void; editable: boolean }) {
  const panels = usePanels(d);
  const t = d.totals;
  const stats: [string, number | string, string, string?][] = [
    ['企业总数', t.enterprises, '家', '/enterprises'],
    ['职工人数', t.workers, '人'],
    ['已建会企业', t.unions, '家', '/enterprises?union=yes'],
    ['建会率', pct(t.unionRate), '%', '/enterprises?union=no'],
    ['工会会员', t.members, '人'],
    ['入会率', pct(t.memberRate), '%'],
    ['重点企业', t.keyEnterprises, '家', '/enterprises?key=yes'],
    ['集体合同覆盖率', t.collectiveContractCoverage == null ? '—' : pct(t.collectiveContractCoverage), t.collectiveContractCoverage == null ? '（暂无生效集体合同）' : '%'],
  ];
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          工会大脑 · {d.region?.name ?? '全部企业'}
        </Typography.Title>
        <Link to="/dashboard/screen">
          <Button type="primary">大屏模式</Button>
        </Link>
      </Space>
      <Row gutter={[16, 16]}>
        {stats.map(([label, value, unit, link]) => (
          <Col key={label} xs={12} md={6}>
            <Card size="small" data-testid={`stat-${label}`}>
              <Statistic title={link ? <Link to={link}>{label}</Link> : label} value={value} suffix={unit} />
            </Card>
          </Col>
        ))}
        {panels.map((p) => (
          <Col key={p.key} xs={24} xl={12}>
            <Card title={p.title} size="small" data-testid={`panel-${p.key}`}>
              {p.body}
            </Card>
          </Col>
        ))}
        <Col span={24}>
          <UnionTargets data={d.unionTargets} year={year} onYear={setYear} editable={editable} />
        </Col>
        <Col span={24}>
          <UnionWork year={year} />
        </Col>
      </Row>
    </div>
  );
}
