import ReactEChartsCore from 'echarts-for-react/esm/core';
import { TreemapChart } from 'echarts/charts';
import { echarts } from '../../../components/bar-chart';
import { LEVEL_COLORS, LEVEL_LABELS, type RiskLevel } from '../../../../domain/risk/levels';
import type { Overview } from '../types';

echarts.use([TreemapChart]);

/** The risk map: streets and parks as a treemap sized by enterprises and coloured by risk (no map tiles). */
export function RiskTreemap({ areas, onClick }: { areas: Overview['areas']; onClick?: (id: string) => void }) {
  const data = areas.map((a) => ({
    name: a.name,
    id: a.id,
    value: Math.max(1, a.enterprises),
    itemStyle: { color: LEVEL_COLORS[a.level as RiskLevel], borderColor: '#fff', borderWidth: 3 },
    label: { color: a.level === 'yellow' || a.level === 'none' ? '#333' : '#fff' },
    area: a,
  }));
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 380 }}
      option={{
        animation: false,
        tooltip: {
          formatter: (p: { data: { area: Overview['areas'][number] } }) => {
            const a = p.data.area;
            return `${a.name}${a.parentName && a.parentName !== '云溪区' ? `（${a.parentName}）` : ''}<br/>风险：${LEVEL_LABELS[a.level as RiskLevel]}<br/>企业 ${a.enterprises} 家：红 ${a.byLevel.red} · 橙 ${a.byLevel.orange} · 黄 ${a.byLevel.yellow} · 蓝 ${a.byLevel.blue}<br/>未销号预警 ${a.openAlerts} 条，平均评分 ${a.avgScore}`;
          },
        },
        series: [
          {
            type: 'treemap',
            roam: false,
            nodeClick: false,
            breadcrumb: { show: false },
            left: 0,
            right: 0,
            top: 0,
            bottom: 0,
            label: { show: true, formatter: (p: { data: { area: Overview['areas'][number] } }) => `${p.data.area.name}\n${p.data.area.enterprises}家 · 预警${p.data.area.openAlerts}`, fontSize: 14, lineHeight: 20 },
            data,
          },
        ],
      }}
      onEvents={onClick ? { click: (p: { data: { id: string } }) => onClick(p.data.id) } : undefined}
    />
  );
}

export function TrendChart({ trends }: { trends: Overview['trends'] }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 300 }}
      option={{
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 48, top: 36, bottom: 32 },
        xAxis: { type: 'category', data: trends.months },
        yAxis: [
          { type: 'value', name: '预警', minInterval: 1 },
          { type: 'value', name: '信号', minInterval: 1 },
        ],
        series: [
          ...trends.alerts.map((s) => ({ name: `${s.label}预警`, type: 'bar', stack: 'alerts', data: s.data, itemStyle: { color: LEVEL_COLORS[s.level] }, barMaxWidth: 28 })),
          { name: '风险信号', type: 'line', yAxisIndex: 1, data: trends.signals, itemStyle: { color: '#595959' }, smooth: true },
        ],
      }}
    />
  );
}
