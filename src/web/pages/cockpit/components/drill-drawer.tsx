import { useState } from 'react';
import { Drawer, Segmented, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../api';
import { BarChart } from '../../../components/bar-chart';
import type { CockpitItem } from './indicator-card';

interface Breakdown { regions: { regionId: string; name: string; value: number | null; target: number | null; light: string }[]; units: { id: string; unitName: string | null; period: string; value: number }[] }
interface Records { value: number | null; total: number; items: { id: string; name: string; regionId: string; detail: string }[] }

/** Drill-down of one number: to the regions under it, the units that entered it, and the records behind it. */
export function DrillDrawer({ item, year, regionId, onClose }: { item: CockpitItem | null; year: number; regionId?: string; onClose: () => void }) {
  const [region, setRegion] = useState<string | undefined>();
  const [side, setSide] = useState<'numerator' | 'denominator'>('numerator');
  const rid = region ?? regionId;
  const b = useQuery({ queryKey: ['breakdown', item?.id, rid, year], enabled: !!item, queryFn: () => api.get<Breakdown>(`/api/indicators/${item!.id}/breakdown${qs({ regionId: rid, year })}`) });
  const r = useQuery({ queryKey: ['records', item?.id, rid, year, side], enabled: !!item, queryFn: () => api.get<Records>(`/api/indicators/${item!.id}/records${qs({ regionId: rid, year, side })}`) });
  const close = () => (setRegion(undefined), setSide('numerator'), onClose());
  return (
    <Drawer open={!!item} onClose={close} width={720} title={item ? `${item.name} · ${year}年` : ''}>
      {item && (
        <>
          <Typography.Paragraph type="secondary">{item.definition}（公式：{item.formula}；数据来源：{item.dataSource}）</Typography.Paragraph>
          <Typography.Title level={5}>按区域（点击柱形下钻）</Typography.Title>
          <BarChart items={(b.data?.regions ?? []).map((x) => ({ name: x.name, value: x.value ?? 0 }))} height={220} onClick={(name) => setRegion(b.data?.regions.find((x) => x.name === name)?.regionId)} />
          {region && <Typography.Link onClick={() => setRegion(undefined)}>返回上级区域</Typography.Link>}
          {!!b.data?.units.length && (
            <>
              <Typography.Title level={5}>填报单位</Typography.Title>
              <Table rowKey="id" size="small" pagination={false} dataSource={b.data.units} columns={[{ title: '单位', dataIndex: 'unitName' }, { title: '统计期', dataIndex: 'period' }, { title: '数值', dataIndex: 'value' }]} />
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            数字背后的记录（{r.data?.total ?? 0} 条）
          </Typography.Title>
          {item.measure === 'rate' && item.mode === 'computed' && <Segmented value={side} onChange={(v) => setSide(v as 'numerator' | 'denominator')} options={[{ value: 'numerator', label: '达标记录（分子）' }, { value: 'denominator', label: '统计范围（分母）' }]} style={{ marginBottom: 8 }} />}
          <Table rowKey="id" size="small" loading={r.isLoading} dataSource={r.data?.items} pagination={{ pageSize: 10 }} columns={[{ title: '名称', dataIndex: 'name' }, { title: '区域', dataIndex: 'regionId' }, { title: '说明', dataIndex: 'detail' }]} />
        </>
      )}
    </Drawer>
  );
}
