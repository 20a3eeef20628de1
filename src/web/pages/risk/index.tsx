import { Alert, Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { zh } from '../../locale/zh';
import { RiskTreemap, TrendChart } from './components/charts';
import { LevelTag } from './components/level-tag';
import type { Overview } from './types';

/** 风险地图: streets and parks coloured by risk, open alerts by level and age, trends. */
export function RiskMapPage() {
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['risk-overview'], queryFn: () => api.get<Overview>('/api/risk/overview') });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  const o = q.data!;
  const overdue = o.openAlerts.byLevelAge.reduce((s, r) => s + r.overdue, 0);
  return (
    <div>
      <Typography.Title level={3}>劳动关系风险地图</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="未销号预警" value={o.openAlerts.total} suffix="条" />
          </Card>
        </Col>
        {o.openAlerts.byLevelAge.slice(0, 2).map((r) => (
          <Col xs={12} lg={6} key={r.level}>
            <Card>
              <Statistic title={`${r.label}预警`} value={r.within7 + r.within30 + r.over30} suffix="条" valueStyle={{ color: r.level === 'red' ? '#cf1322' : '#d46b08' }} />
            </Card>
          </Col>
        ))}
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="超时未处置" value={overdue} suffix="条" valueStyle={{ color: overdue ? '#cf1322' : undefined }} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="街道、园区风险分布" extra={<Typography.Text type="secondary">面积为企业数，颜色为风险等级；点击查看该区域预警</Typography.Text>}>
            <RiskTreemap areas={o.areas} onClick={(id) => void navigate(`/risk/alerts?regionId=${id}`)} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="未销号预警（按等级和时长）">
            <Table
              rowKey="level"
              size="small"
              pagination={false}
              dataSource={o.openAlerts.byLevelAge}
              columns={[
                { title: '等级', dataIndex: 'level', render: (l) => <LevelTag level={l} /> },
                { title: '7日内', dataIndex: 'within7' },
                { title: '8–30日', dataIndex: 'within30' },
                { title: '30日以上', dataIndex: 'over30' },
                { title: '超时', dataIndex: 'overdue', render: (v: number) => <span style={{ color: v ? '#cf1322' : undefined }}>{v}</span> },
              ]}
              onRow={(r) => ({ onClick: () => void navigate(`/risk/alerts?level=${r.level}&status=active`), style: { cursor: 'pointer' } })}
            />
          </Card>
          <Card title="预警与信号趋势（近12个月）" style={{ marginTop: 16 }}>
            <TrendChart trends={o.trends} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
