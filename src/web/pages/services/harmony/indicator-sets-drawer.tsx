import { useState } from 'react';
import { Button, Drawer, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api';
import { SUBJECT_LABELS } from '../labels';
import { IndicatorSetModal, type IndicatorSet } from './indicator-set-modal';

/** The configured indicator sets, each editable (name, active, indicators), and a new one. */
export function IndicatorSetsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const sets = useQuery({ queryKey: ['harmony-sets'], queryFn: () => api.get<{ items: IndicatorSet[] }>('/api/harmony/indicator-sets'), enabled: open });
  const [editing, setEditing] = useState<IndicatorSet | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Drawer title="评价指标体系" open={open} onClose={onClose} width={760} extra={<Button type="primary" onClick={() => setCreating(true)}>新建指标体系</Button>}>
      <Table<IndicatorSet>
        rowKey="id"
        size="small"
        loading={sets.isLoading}
        dataSource={sets.data?.items}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '适用对象', dataIndex: 'subjectKind', width: 130, render: (v: keyof typeof SUBJECT_LABELS) => SUBJECT_LABELS[v] ?? v },
          { title: '指标数', width: 70, render: (_, s) => s.indicators.length },
          { title: '满分', dataIndex: 'maxTotal', width: 60 },
          { title: '状态', dataIndex: 'active', width: 70, render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          { title: '', width: 70, render: (_, s) => <Button size="small" onClick={() => setEditing(s)}>编辑</Button> },
        ]}
      />
      <IndicatorSetModal open={creating || !!editing} editing={editing} onClose={() => (setCreating(false), setEditing(null))} />
    </Drawer>
  );
}
