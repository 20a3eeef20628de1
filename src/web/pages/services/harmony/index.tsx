import { useState } from 'react';
import { App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../../api';
import { useAuth } from '../../../auth';
import { HARMONY_STATUS_LABELS, LEVEL_LABELS, SUBJECT_LABELS } from '../labels';
import { useRegionOptions } from '../components/use-regions';
import { IndicatorSetsDrawer } from './indicator-sets-drawer';
import { ScoresDrawer } from './scores-drawer';

interface Row { id: string; subjectKind: keyof typeof SUBJECT_LABELS; subjectName: string; year: number; status: keyof typeof HARMONY_STATUS_LABELS; selfTotal: number | null; reviewTotal: number | null; level: keyof typeof LEVEL_LABELS | null }

export function HarmonyPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [setId, setSetId] = useState<string>();
  const [configuring, setConfiguring] = useState(false);
  const [subjectRegionId, setSubjectRegionId] = useState<string>();
  const { streets, parks } = useRegionOptions();
  const list = useQuery({ queryKey: ['harmony-apps'], queryFn: () => api.get<{ items: Row[] }>('/api/harmony/applications?pageSize=100') });
  const sets = useQuery({ queryKey: ['harmony-sets'], queryFn: () => api.get<{ items: { id: string; name: string; subjectKind: string; active: boolean }[] }>('/api/harmony/indicator-sets') });
  const isEnterprise = !!me?.user.enterpriseId;
  const apply = useMutation({
    mutationFn: () => api.post<{ id: string }>('/api/harmony/applications', { indicatorSetId: setId, year: new Date().getFullYear(), subjectRegionId }),
    onSuccess: (a) => (void qc.invalidateQueries({ queryKey: ['harmony-apps'] }), setOpen(a.id)),
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Card
      title="和谐劳动关系创建"
      extra={
        <Space>
          {isEnterprise && (
            <>
              <Select placeholder="选择指标体系" style={{ width: 280 }} onChange={setSetId} options={sets.data?.items.filter((s) => s.active && s.subjectKind === 'enterprise').map((s) => ({ value: s.id, label: s.name }))} />
              <Button type="primary" disabled={!setId} onClick={() => apply.mutate()}>申报并自评</Button>
            </>
          )}
          {!isEnterprise && me?.abilities['harmony.selfAssess'] && (
            <>
              <Select placeholder="园区/乡镇指标体系" style={{ width: 240 }} onChange={setSetId} options={sets.data?.items.filter((s) => s.active && s.subjectKind !== 'enterprise').map((s) => ({ value: s.id, label: s.name }))} />
              <Select placeholder="申报单位" style={{ width: 200 }} onChange={setSubjectRegionId} options={sets.data?.items.find((s) => s.id === setId)?.subjectKind === 'park' ? parks : streets} />
              <Button disabled={!setId || !subjectRegionId} onClick={() => apply.mutate()}>申报</Button>
            </>
          )}
          {me?.abilities['harmony.configure'] && <Button onClick={() => setConfiguring(true)}>指标体系</Button>}
          <Link to="/honours">荣誉榜</Link>
        </Space>
      }
    >
      <Table<Row>
        rowKey="id"
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: '申报单位', dataIndex: 'subjectName' },
          { title: '类别', dataIndex: 'subjectKind', render: (v: Row['subjectKind']) => SUBJECT_LABELS[v] },
          { title: '年度', dataIndex: 'year' },
          { title: '状态', dataIndex: 'status', render: (v: Row['status']) => <Tag>{HARMONY_STATUS_LABELS[v]}</Tag> },
          { title: '自评', dataIndex: 'selfTotal' },
          { title: '评审', dataIndex: 'reviewTotal' },
          { title: '等级', dataIndex: 'level', render: (v: Row['level']) => (v ? <Tag color="gold">{LEVEL_LABELS[v]}</Tag> : '—') },
          { title: '', render: (_, r) => <Button size="small" onClick={() => setOpen(r.id)}>详情</Button> },
        ]}
      />
      <ScoresDrawer id={open} onClose={() => setOpen(null)} />
      <IndicatorSetsDrawer open={configuring} onClose={() => setConfiguring(false)} />
    </Card>
  );
}
