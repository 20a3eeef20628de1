import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './bar-chart';

export interface Series {
  name: string;
  values: number[];
  color?: string;
}

/** Grouped bars (e.g. target vs actual) with clickable categories. */
export function GroupedBarChart({ categories, series, height = 280, dark = false, onClick }: { categories: string[]; series: Series[]; height?: number; dark?: boolean; onClick?: (index: number) => void }) {
  const text = dark ? '#cfe3ff' : undefined;
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height }}
      option={{
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, ...(dark ? { textStyle: { color: text } } : {}) },
        grid: { left: 48, right: 16, top: 32, bottom: 48 },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0, color: text } },
        yAxis: { type: 'value', axisLabel: { color: text }, splitLine: { lineStyle: { color: dark ? '#1e3555' : '#eee' } } },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, itemStyle: s.color ? { color: s.color } : undefined, barMaxWidth: 28 })),
      }}
      onEvents={onClick ? { click: (p: { dataIndex: number }) => onClick(p.dataIndex) } : undefined}
    />
  );
}

export function LineTrend({ categories, values, name, height = 260, dark = false }: { categories: string[]; values: number[]; name: string; height?: number; dark?: boolean }) {
  const text = dark ? '#cfe3ff' : undefined;
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height }}
      option={{
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 64, right: 16, top: 16, bottom: 32 },
        xAxis: { type: 'category', data: categories, axisLabel: { color: text } },
        yAxis: { type: 'value', scale: true, axisLabel: { color: text }, splitLine: { lineStyle: { color: dark ? '#1e3555' : '#eee' } } },
        series: [{ type: 'line', name, data: values, smooth: true, areaStyle: { opacity: 0.15 }, itemStyle: { color: dark ? '#4fc3f7' : '#c0392b' } }],
      }}
    />
  );
}

export function PieChart({ items, height = 260, dark = false, onClick }: { items: { name: string; value: number }[]; height?: number; dark?: boolean; onClick?: (name: string) => void }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height }}
      option={{
        animation: false,
        tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
        legend: { bottom: 0, ...(dark ? { textStyle: { color: '#cfe3ff' } } : {}) },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: items, ...(dark ? { label: { color: '#cfe3ff' } } : {}) }],
      }}
      onEvents={onClick ? { click: (p: { name: string }) => onClick(p.name) } : undefined}
    />
  );
}
