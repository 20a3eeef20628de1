import { Card, Tag, Tooltip } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from '../../../components/bar-chart';
import { LIGHT_LABELS, type Light } from '../../../../domain/plans/traffic-light';

export interface CockpitItem {
  id: string;
  name: string;
  unit: string;
  mode: string;
  measure: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  light: Light;
  version: number;
  trend: { year: number; value: number | null }[];
  definition: string;
  formula: string;
  dataSource: string;
}

export const LIGHT_COLORS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', grey: '#bfbfbf' };

export function IndicatorCard({ item, big, onClick }: { item: CockpitItem; big: boolean; onClick: () => void }) {
  return (
    <Card hoverable size="small" onClick={onClick} data-testid={`indicator-${item.id}`} style={{ borderTop: `4px solid ${LIGHT_COLORS[item.light]}`, height: '100%' }}>
      <Tooltip title={`${item.definition} 公式：${item.formula}；来源：${item.dataSource}（第${item.version}版定义）`}>
        <div style={{ fontSize: big ? 16 : 13, color: '#555', minHeight: 40 }}>{item.name}</div>
      </Tooltip>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8 }}>
        <span style={{ fontSize: big ? 34 : 26, fontWeight: 600 }}>{item.value ?? '—'}</span>
        <span>{item.unit}</span>
        <Tag color={LIGHT_COLORS[item.light]} style={{ marginLeft: 'auto' }}>{LIGHT_LABELS[item.light]}</Tag>
      </div>
      <div style={{ color: '#888', fontSize: 12 }}>
        目标 {item.target ?? '未设定'}{item.target !== null ? item.unit : ''} · {item.mode === 'manual' ? '单位填报' : '实时计算'}
      </div>
      <ReactEChartsCore
        echarts={echarts}
        style={{ height: 48 }}
        option={{ animation: false, grid: { left: 0, right: 0, top: 4, bottom: 4 }, xAxis: { type: 'category', show: false, data: item.trend.map((t) => t.year) }, yAxis: { type: 'value', show: false }, series: [{ type: 'line', data: item.trend.map((t) => t.value), smooth: true, symbol: 'none', lineStyle: { color: LIGHT_COLORS[item.light] } }] }}
      />
    </Card>
  );
}
