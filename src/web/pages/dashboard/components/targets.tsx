import { App, Button, Card, InputNumber, Select, Space, Table } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api';
import { GroupedBarChart } from '../../../components/charts';
import type { Dashboard } from '../types';

/** Yearly union-establishment target (建会任务) against actual, per street; editable by officials. */
export function UnionTargets({ data, year, onYear, editable }: { data: Dashboard['unionTargets']; year: number; onYear: (y: number) => void; editable: boolean }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { regionId: string; target: number }) => api.put('/api/dashboard/union-targets', { ...v, year }),
    onSuccess: () => {
      message.success('建会任务已保存');
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  const drill = (i: number) => {
    const item = data.items[i];
    if (item) void navigate(`/enterprises?street=${item.regionId}&union=yes&unionYear=${year}`);
  };
  return (
    <Card
      title={`${year}年建会任务完成情况（任务 ${data.totalTarget} 家，已建 ${data.totalActual} 家）`}
      extra={<Select value={year} style={{ width: 110 }} onChange={onYear} options={[2023, 2024, 2025, 2026, 2027].map((y) => ({ value: y, label: `${y}年` }))} />}
    >
      <GroupedBarChart
        categories={data.items.map((i) => i.name)}
        series={[
          { name: '任务数', values: data.items.map((i) => i.target ?? 0), color: '#95a5a6' },
          { name: '新建工会', values: data.items.map((i) => i.actual), color: '#c0392b' },
        ]}
        onClick={drill}
      />
      {editable && (
        <Table
          size="small"
          rowKey="regionId"
          pagination={false}
          dataSource={data.items}
          columns={[
            { title: '街道（镇）', dataIndex: 'name' },
            { title: '已建', dataIndex: 'actual', width: 80 },
            {
              title: '任务数',
              width: 220,
              render: (_, r) => (
                <Space>
                  <InputNumber id={`target-${r.regionId}`} min={0} defaultValue={r.target ?? undefined} style={{ width: 90 }} />
                  <Button
                    size="small"
                    onClick={() => {
                      const el = document.getElementById(`target-${r.regionId}`) as HTMLInputElement | null;
                      const v = Number(el?.value);
                      if (Number.isFinite(v)) save.mutate({ regionId: r.regionId, target: v });
                    }}
                  >
                    保存
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
