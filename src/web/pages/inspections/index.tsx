import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { FormModal } from '../../components/form-modal';
import { InspectorsTable, ItemsTable } from './components/directories';
import { STATUS_COLORS, type Item, type Plan } from './types';

interface Targets { total: number; strata: { stratum: string; streetName: string; industry: string; count: number }[] }

/** 双随机、一公开: plans, the item list, the inspector roster and the target directory. */
export function InspectionsPage() {
  const qc = useQueryClient();
  const nav = useNavigate();
  const [open, setOpen] = useState(false);
  const plans = useQuery({ queryKey: ['inspection-plans'], queryFn: () => api.get<{ items: Plan[] }>('/api/inspections/plans') });
  const items = useQuery({ queryKey: ['inspection-items'], queryFn: () => api.get<{ items: Item[] }>('/api/inspections/items') });
  const targets = useQuery({ queryKey: ['inspection-targets'], queryFn: () => api.get<Targets>('/api/inspections/targets') });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>“双随机、一公开”抽查</Typography.Title>
      <Typography.Text type="secondary">随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。每户由2名无利害关系的执法人员检查（《劳动保障监察条例》第十六条）；抽取使用记录在案的随机种子，可复算、不可重抽。</Typography.Text>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'plans',
              label: '抽查计划',
              children: (
                <>
                  <Button type="primary" style={{ marginBottom: 8 }} onClick={() => setOpen(true)}>新建抽查计划</Button>
                  <Table<Plan>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={plans.data?.items}
                    columns={[
                      { title: '计划', render: (_, r) => <Link to={`/inspections/${r.id}`}>{r.title}</Link> },
                      { title: '年度', dataIndex: 'year', width: 70 },
                      { title: '抽查事项', render: (_, r) => r.items.map((i) => i.code).join('、') },
                      { title: '比例', render: (_, r) => `${Math.round(r.ratio * 1000) / 10}%`, width: 70 },
                      { title: '抽中 / 已录入', render: (_, r) => `${r.targets} / ${r.resultsEntered}` },
                      { title: '状态', render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag> },
                    ]}
                  />
                </>
              ),
            },
            { key: 'items', label: '随机抽查事项清单', children: <ItemsTable /> },
            { key: 'inspectors', label: '执法人员名录库', children: <InspectorsTable /> },
            {
              key: 'targets',
              label: `监管对象名录库（${targets.data?.total ?? 0}户）`,
              children: <Table rowKey="stratum" size="small" pagination={{ pageSize: 15 }} dataSource={targets.data?.strata} columns={[{ title: '街道', dataIndex: 'streetName' }, { title: '行业门类', dataIndex: 'industry' }, { title: '户数', dataIndex: 'count' }]} />,
            },
          ]}
        />
      </Card>
      <FormModal
        title="新建抽查计划"
        open={open}
        onClose={() => setOpen(false)}
        onDone={(r) => (setOpen(false), void qc.invalidateQueries({ queryKey: ['inspection-plans'] }), nav(`/inspections/${(r as Plan).id}`))}
        submit={(b) => api.post('/api/inspections/plans', b)}
        toBody={(v: Record<string, unknown>) => ({ ...v, ratio: Number(v.ratioPct) / 100, ratioPct: undefined })}
        initialValues={{ year: 2026, ratioPct: 5 }}
      >
        <Form.Item name="title" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="year" label="年度"><InputNumber min={2016} max={2100} /></Form.Item>
        <Form.Item name="itemIds" label="抽查事项" rules={[{ required: true, message: '请至少选择一项抽查事项' }]}>
          <Select mode="multiple" options={items.data?.items.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} />
        </Form.Item>
        <Form.Item name="ratioPct" label="抽查比例（%，每个街道×行业分层按比例向上取整）" rules={[{ required: true, message: '请填写抽查比例' }]}><InputNumber min={5} max={100} step={0.5} /></Form.Item>
      </FormModal>
    </Space>
  );
}
