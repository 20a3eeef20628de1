import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart as EBar, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([EBar, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer]);

export { echarts };

export function BarChart({ items, height = 280, onClick }: { items: { name: string; value: number }[]; height?: number; onClick?: (name: string) => void }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height }}
      option={{
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 16, bottom: 48 },
        xAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { interval: 0, rotate: items.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: items.map((i) => i.value), itemStyle: { color: '#c0392b' }, barMaxWidth: 36 }],
      }}
      onEvents={onClick ? { click: (p: { name: string }) => onClick(p.name) } : undefined}
    />
  );
}

/** Several series side by side per category (e.g. target vs actual). */
export function GroupedBarChart({ categories, series, height = 280 }: { categories: string[]; series: { name: string; values: number[]; color?: string }[]; height?: number }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height }}
      option={{
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 32, bottom: 48 },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value' },
        series: series.map((s, i) => ({ type: 'bar', name: s.name, data: s.values, itemStyle: { color: s.color ?? ['#c0392b', '#bfbfbf', '#e67e22'][i % 3] }, barMaxWidth: 28 })),
      }}
    />
  );
}
