import { useState } from 'react';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { IndicatorCard, type CockpitItem } from './components/indicator-card';
import { DrillDrawer } from './components/drill-drawer';
import { WorkReports } from './components/work-reports';

interface Cockpit { region: { id: string; name: string }; year: number; asOf: string; items: CockpitItem[] }
interface TaskSummary { summary: Record<string, number>; units: { unitId: string; unitName: string; total: number; done: number; overdue: number; in_progress: number }[]; overdue: { id: string; title: string; leadUnit: string; nextDeadline: string | null }[] }

/** The leadership cockpit: every indicator with its light, drill-down, task status by unit; big-screen mode. */
export function CockpitPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [big, setBig] = useState(false);
  const [drill, setDrill] = useState<CockpitItem | null>(null);
  const q = useQuery({ queryKey: ['cockpit', year], queryFn: () => api.get<Cockpit>(`/api/cockpit${qs({ year })}`) });
  const tasks = useQuery({ queryKey: ['task-summary'], queryFn: () => api.get<TaskSummary>('/api/plan-tasks/summary'), enabled: !!me?.abilities['plan.read'] });
  const toggleBig = () => {
    if (!big) void document.documentElement.requestFullscreen?.().catch(() => message.info('已进入大屏模式'));
    else if (document.fullscreenElement) void document.exitFullscreen();
    setBig(!big);
  };
  const counts = (q.data?.items ?? []).reduce<Record<string, number>>((m, i) => ((m[i.light] = (m[i.light] ?? 0) + 1), m), {});
  const style = big ? { position: 'fixed' as const, inset: 0, zIndex: 1000, overflow: 'auto', background: '#0b1f3a', padding: 24 } : {};
  return (
    <div style={style} className={big ? 'cockpit-big' : undefined}>
      <Card
        title={<span style={big ? { fontSize: 26 } : undefined}>{q.data?.region.name ?? ''}构建和谐劳动关系领导驾驶舱</span>}
        extra={
          <Space>
            <Select value={year} onChange={setYear} options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: `${thisYear - d}年` }))} />
            <Button icon={big ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={toggleBig}>{big ? '退出大屏' : '大屏模式'}</Button>
          </Space>
        }
        loading={q.isLoading}
      >
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={6}><Statistic title="达标" value={counts.green ?? 0} valueStyle={{ color: '#389e0d' }} /></Col>
          <Col span={6}><Statistic title="预警" value={counts.yellow ?? 0} valueStyle={{ color: '#d48806' }} /></Col>
          <Col span={6}><Statistic title="滞后" value={counts.red ?? 0} valueStyle={{ color: '#cf1322' }} /></Col>
          <Col span={6}><Statistic title="逾期任务" value={tasks.data?.summary.overdue ?? 0} suffix={`/ ${tasks.data?.summary.total ?? 0}`} /></Col>
        </Row>
        <Row gutter={[16, 16]}>
          {q.data?.items.map((i) => (
            <Col key={i.id} xs={24} sm={12} lg={big ? 6 : 8} xl={6}>
              <IndicatorCard item={i} big={big} onClick={() => setDrill(i)} />
            </Col>
          ))}
        </Row>
      </Card>
      {tasks.data && (
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col span={12}>
            <Card title="任务完成情况（按牵头单位）" size="small">
              <Table rowKey="unitId" size="small" pagination={false} dataSource={tasks.data.units} columns={[{ title: '牵头单位', dataIndex: 'unitName' }, { title: '任务', dataIndex: 'total' }, { title: '已完成', dataIndex: 'done' }, { title: '进行中', dataIndex: 'in_progress' }, { title: '逾期', dataIndex: 'overdue', render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) }]} />
            </Card>
          </Col>
          <Col span={12}>
            <Card title="逾期任务" size="small">
              <Table rowKey="id" size="small" pagination={{ pageSize: 6 }} dataSource={tasks.data.overdue} columns={[{ title: '任务', dataIndex: 'title' }, { title: '牵头单位', dataIndex: 'leadUnit' }, { title: '时限', dataIndex: 'nextDeadline' }]} />
            </Card>
          </Col>
        </Row>
      )}
      {!big && me?.abilities['workReport.read'] && <WorkReports />}
      <DrillDrawer item={drill} year={year} regionId={q.data?.region.id} onClose={() => setDrill(null)} />
    </div>
  );
}
