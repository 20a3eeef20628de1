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
