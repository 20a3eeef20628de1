import { Button, Col, Row, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { GroupedBarChart } from '../../components/charts';
import { usePanels } from './components/panels';
import { pct, type Dashboard } from './types';

const REFRESH_MS = 60_000;
const panel = { background: 'rgba(16, 42, 84, 0.6)', border: '1px solid #1f4b8a', borderRadius: 8, padding: 12, height: '100%' } as const;

/** Full-screen dark display for a service station's display wall; refreshes itself every minute. */
export function DashboardScreenPage() {
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['dashboard', 'screen'], queryFn: () => api.get<Dashboard>('/api/dashboard/enterprises'), refetchInterval: REFRESH_MS });
  return (
    <div data-testid="big-screen" style={{ minHeight: '100vh', background: 'radial-gradient(circle at top, #0b2a5b, #030b1d 70%)', color: '#e3f2ff', padding: 20 }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>
        <div style={{ fontSize: 30, fontWeight: 700, letterSpacing: 4, color: '#7fd3ff' }}>工会大脑 · {q.data?.region?.name ?? '劳动关系公共服务'}</div>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <span style={{ color: '#8fb3d9' }}>更新于 {q.data ? new Date(q.data.generatedAt).toLocaleTimeString('zh-CN', { hour12: false }) : '—'} · 每分钟自动刷新</span>
          <Button ghost onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>全屏</Button>
          <Button ghost onClick={() => void navigate('/dashboard')}>退出大屏</Button>
        </div>
      </div>
      {!q.data ? <Spin /> : <ScreenBody d={q.data} />}
    </div>
  );
}

function ScreenBody({ d }: { d: Dashboard }) {
  const panels = usePanels(d, true);
  const t = d.totals;
  const figures: [string, string | number, string][] = [
    ['企业总数', t.enterprises, '家'],
    ['职工人数', t.workers.toLocaleString('zh-CN'), '人'],
    ['建会率', pct(t.unionRate), '%'],
    ['入会率', pct(t.memberRate), '%'],
    ['重点企业', t.keyEnterprises, '家'],
    [`${d.unionTargets.year}年建会`, `${d.unionTargets.totalActual}/${d.unionTargets.totalTarget}`, '家'],
  ];
  const box = (title: string, body: React.ReactNode) => (
    <div style={panel}>
      <div style={{ color: '#7fd3ff', fontSize: 16, marginBottom: 8 }}>{title}</div>
      {body}
    </div>
  );
  return (
    <Row gutter={[16, 16]}>
      {figures.map(([label, value, unit]) => (
        <Col key={label} span={4}>
          <div style={{ ...panel, textAlign: 'center' }}>
            <div style={{ color: '#8fb3d9' }}>{label}</div>
            <div style={{ fontSize: 34, fontWeight: 700, color: '#ffd166' }}>
              {value}
              <span style={{ fontSize: 16, marginLeft: 4 }}>{unit}</span>
            </div>
          </div>
        </Col>
      ))}
      {panels.map((p) => (
        <Col key={p.key} span={8}>
          {box(p.title, p.body)}
        </Col>
      ))}
      <Col span={24}>
        {box(
          `${d.unionTargets.year}年建会任务完成情况`,
          <GroupedBarChart
            dark
            height={240}
            categories={d.unionTargets.items.map((i) => i.name)}
            series={[
              { name: '任务数', values: d.unionTargets.items.map((i) => i.target ?? 0), color: '#4fc3f7' },
              { name: '新建工会', values: d.unionTargets.items.map((i) => i.actual), color: '#ffb74d' },
            ]}
          />,
        )}
      </Col>
    </Row>
  );
}
