import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { BarChart } from '../../../components/bar-chart';
import { GroupedBarChart, LineTrend, PieChart } from '../../../components/charts';
import type { Dashboard } from '../types';

export interface Panel {
  key: string;
  title: string;
  body: ReactNode;
}

/** The union-brain charts; every one clicks through to the enterprise list with the matching filter. */
export function usePanels(d: Dashboard, dark = false): Panel[] {
  const navigate = useNavigate();
  const go = (q: string) => void navigate(`/enterprises?${q}`);
  const byName = (items: { id: string; name: string }[], name: string) => items.find((i) => i.name === name)?.id;
  const bar = (items: Dashboard['byStreet'], param: string, height = 280) =>
    dark ? (
      <GroupedBarChart dark height={height} categories={items.map((i) => i.name)} series={[{ name: '企业', values: items.map((i) => i.enterprises), color: '#4fc3f7' }]} onClick={(i) => items[i] && go(`${param}=${items[i].id}`)} />
    ) : (
      <BarChart height={height} items={items.map((i) => ({ name: i.name, value: i.enterprises }))} onClick={(n) => { const id = byName(items, n); if (id) go(`${param}=${id}`); }} />
    );
  return [
    { key: 'street', title: '各街道（镇）企业数', body: bar(d.byStreet, 'street') },
    {
      key: 'unionRate',
      title: '各街道（镇）建会情况（点击查看未建会企业）',
      body: (
        <GroupedBarChart
          dark={dark}
          categories={d.byStreet.map((s) => s.name)}
          series={[
            { name: '企业数', values: d.byStreet.map((s) => s.enterprises), color: dark ? '#4fc3f7' : '#95a5a6' },
            { name: '已建会', values: d.byStreet.map((s) => s.unions), color: dark ? '#ffb74d' : '#c0392b' },
          ]}
          onClick={(i) => d.byStreet[i] && go(`street=${d.byStreet[i].id}&union=no`)}
        />
      ),
    },
    { key: 'park', title: '各园区企业数', body: bar(d.byPark, 'park') },
    { key: 'industry', title: '行业分布', body: bar(d.byIndustry.filter((i) => i.id).slice(0, 10), 'industry', 300) },
    {
      key: 'size',
      title: '企业规模',
      body: <PieChart dark={dark} items={d.bySize.map((s) => ({ name: s.name, value: s.enterprises }))} onClick={(n) => { const id = byName(d.bySize, n); if (id) go(`size=${id}`); }} />,
    },
    { key: 'trend', title: '职工人数趋势', body: <LineTrend dark={dark} name="职工人数" categories={d.headcountTrend.map((t) => t.period)} values={d.headcountTrend.map((t) => t.headcount)} /> },
  ];
}
