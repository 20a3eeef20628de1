import { useState } from 'react';
import { Button, Card, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { LIGHT_LABELS } from '../../../domain/plans/traffic-light';
import { LIGHT_COLORS } from '../cockpit/components/indicator-card';
import { TargetModal, ValueModal, type IndicatorRow } from './components/forms';

/** The indicator registry for a year: targets set by officials, figures entered by units where no module computes them. */
export function IndicatorsPage() {
  const { me } = useAuth();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [target, setTarget] = useState<IndicatorRow | null>(null);
  const [entry, setEntry] = useState<IndicatorRow | null>(null);
  const q = useQuery({ queryKey: ['cockpit', year], queryFn: () => api.get<{ region: { id: string; name: string }; items: IndicatorRow[] }>(`/api/cockpit${qs({ year })}`) });
  const regionId = q.data?.region.id ?? me?.user.regionId ?? '';
  const fmt = (v: number | null, unit: string) => (v === null ? '—' : `${v}${unit}`);
  return (
    <Card
      title={`${q.data?.region.name ?? ''}指标目标与填报`}
      extra={<Select value={year} onChange={setYear} options={[1, 0, -1, -2].map((d) => ({ value: thisYear + d, label: `${thisYear + d}年` }))} />}
    >
      <Typography.Paragraph type="secondary">“平台计算”类指标由各业务模块数据实时计算，不能手工填报；“单位填报”类由责任单位按统计期报送。目标按年度、区域设定，比率类指标的下级区域沿用上级目标。</Typography.Paragraph>
      <Table<IndicatorRow>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        pagination={false}
        dataSource={q.data?.items}
        locale={{ emptyText: <Empty description="暂无指标" /> }}
        columns={[
          { title: '指标', dataIndex: 'name', render: (v: string, r) => <Tooltip title={<>{r.definition}<br />公式：{r.formula}<br />来源：{r.dataSource}</>}>{v}</Tooltip> },
          { title: '方式', width: 100, render: (_, r) => (r.manualEntry ? <Tag color="orange">单位填报</Tag> : <Tag color="blue">平台计算</Tag>) },
          { title: '定义版本', width: 80, render: (_, r) => `第${r.version}版` },
          { title: '实际', width: 100, render: (_, r) => fmt(r.value, r.unit) },
          { title: '目标', width: 100, render: (_, r) => (r.target === null ? <Typography.Text type="secondary">未设定</Typography.Text> : fmt(r.target, r.unit)) },
          { title: '状态', width: 80, render: (_, r) => <Tag color={LIGHT_COLORS[r.light]}>{LIGHT_LABELS[r.light]}</Tag> },
          {
            title: '操作',
            width: 170,
            render: (_, r) => (
              <Space>
                {me?.abilities['indicator.target'] && <Button size="small" onClick={() => setTarget(r)} data-testid={`target-${r.id}`}>设定目标</Button>}
                {me?.abilities['indicator.enter'] && r.manualEntry && <Button size="small" type="primary" onClick={() => setEntry(r)} data-testid={`enter-${r.id}`}>填报</Button>}
              </Space>
            ),
          },
        ]}
      />
      <TargetModal item={target} regionId={regionId} year={year} onClose={() => setTarget(null)} />
      <ValueModal item={entry} regionId={regionId} year={year} onClose={() => setEntry(null)} />
    </Card>
  );
}
