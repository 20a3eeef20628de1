import { useState } from 'react';
import { App, Button, Card, InputNumber, Segmented, Select, Space, Statistic, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { GroupedBarChart } from '../../../components/bar-chart';

interface Row {
  regionId: string;
  name: string;
  enterprises: number;
  withoutUnion: number;
  newWithoutUnion: number;
  preparing: number;
  established: number;
  target: number | null;
  completion: number | null;
}
interface Summary {
  year: number;
  totals: { withoutUnion: number; newWithoutUnion: number; preparing: number; established: number; target: number };
  items: Row[];
}

/** Yearly new-union targets per street/town against the unions established (union-brain figure). */
export function UnionSummary() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [by, setBy] = useState<'street' | 'park'>('street');
  const [edits, setEdits] = useState<Record<string, number>>({});
  const q = useQuery({ queryKey: ['union-summary', year, by], queryFn: () => api.get<Summary>(`/api/union-building/summary${qs({ year, by })}`) });
  const save = useMutation({
    mutationFn: () => api.put('/api/union-building/targets', { year, items: Object.entries(edits).map(([regionId, target]) => ({ regionId, target })) }),
    onSuccess: () => {
      setEdits({});
      message.success('年度目标已保存');
      void qc.invalidateQueries({ queryKey: ['union-summary'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  const manage = !!me?.abilities['unionBuilding.manage'] && by === 'street';
  const t = q.data?.totals;
  return (
    <div>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Select value={year} onChange={setYear} options={[0, 1, 2, 3].map((d) => ({ value: new Date().getFullYear() - d, label: `${new Date().getFullYear() - d}年` }))} style={{ width: 100 }} />
        <Segmented value={by} onChange={(v) => setBy(v as 'street' | 'park')} options={[{ value: 'street', label: '按街道/镇' }, { value: 'park', label: '按园区' }]} />
        <Statistic title="未建会企业" value={t?.withoutUnion ?? 0} />
        <Statistic title="其中新注册" value={t?.newWithoutUnion ?? 0} />
        <Statistic title="筹建中" value={t?.preparing ?? 0} />
        <Statistic title={`${year}年新建工会 / 目标`} value={`${t?.established ?? 0} / ${t?.target ?? 0}`} />
      </Space>
      <Card size="small" title={`${year}年新建工会与目标（按${by === 'park' ? '园区' : '街道/镇'}）`}>
        <GroupedBarChart
          height={260}
          categories={(q.data?.items ?? []).map((i) => i.name)}
          series={[
            { name: '新建工会', values: (q.data?.items ?? []).map((i) => i.established) },
            { name: '年度目标', values: (q.data?.items ?? []).map((i) => i.target ?? 0) },
          ]}
        />
      </Card>
      <Table<Row>
        rowKey="regionId"
        size="small"
        style={{ marginTop: 16 }}
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={false}
        columns={[
          { title: '区域', dataIndex: 'name' },
          { title: '企业数', dataIndex: 'enterprises' },
          { title: '未建会', dataIndex: 'withoutUnion' },
          { title: '新注册未建会', dataIndex: 'newWithoutUnion' },
          { title: '筹建中', dataIndex: 'preparing' },
          { title: '年度新建会', dataIndex: 'established' },
          {
            title: '年度目标',
            render: (_, r) => (manage ? <InputNumber min={0} size="small" value={edits[r.regionId] ?? r.target ?? undefined} onChange={(v) => setEdits({ ...edits, [r.regionId]: Number(v ?? 0) })} /> : (r.target ?? '—')),
          },
          { title: '完成率', dataIndex: 'completion', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
        ]}
      />
      {manage && Object.keys(edits).length > 0 && (
        <Button type="primary" style={{ marginTop: 12 }} onClick={() => save.mutate()} loading={save.isPending}>
          保存年度目标
        </Button>
      )}
    </div>
  );
}
