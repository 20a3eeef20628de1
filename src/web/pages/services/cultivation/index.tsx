import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, Timeline } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type dayjs from 'dayjs';
import { api, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { CreateCultivationModal } from './create-modal';
import { ACTIVITY_LABELS, ASSESSMENT_LABELS, CULTIVATION_STATUS_LABELS, PARTNER_LABELS } from '../labels';

interface C {
  id: string;
  enterprise: { name: string };
  year: number;
  partner: keyof typeof PARTNER_LABELS;
  officer: { name: string } | null;
  diagnosis: string;
  plan: string | null;
  status: keyof typeof CULTIVATION_STATUS_LABELS;
  assessment: { score: number; result: keyof typeof ASSESSMENT_LABELS; note: string | null } | null;
  activities?: { id: string; kind: keyof typeof ACTIVITY_LABELS; heldOn: string; topic: string; participants: number | null }[];
  abilities: { edit: boolean; addActivity: boolean; assess: boolean };
}

function Detail({ id }: { id: string }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['cultivation', id], queryFn: () => api.get<C>(`/api/cultivations/${id}`) });
  const ok = (c: C) => (qc.setQueryData(['cultivation', id], c), void qc.invalidateQueries({ queryKey: ['cultivations'] }), message.success('已保存'));
  const err = (e: Error) => message.error(e.message);
  const plan = useMutation({ mutationFn: (v: { plan: string }) => api.patch<C>(`/api/cultivations/${id}`, v), onSuccess: ok, onError: err });
  const act = useMutation({ mutationFn: (v: { heldOn: dayjs.Dayjs } & Record<string, unknown>) => api.post<C>(`/api/cultivations/${id}/activities`, { ...v, heldOn: v.heldOn.format('YYYY-MM-DD') }), onSuccess: ok, onError: err });
  const assess = useMutation({ mutationFn: (v: unknown) => api.post<C>(`/api/cultivations/${id}/assessment`, v), onSuccess: ok, onError: err });
  const c = q.data;
  if (!c) return null;
  return (
    <>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="结对单位">{PARTNER_LABELS[c.partner]}（{c.year}年）</Descriptions.Item>
        <Descriptions.Item label="用工诊断">{c.diagnosis}</Descriptions.Item>
        <Descriptions.Item label="培育方案">{c.plan ?? '未制定'}</Descriptions.Item>
        <Descriptions.Item label="评估">{c.assessment ? `${c.assessment.score}分 · ${ASSESSMENT_LABELS[c.assessment.result]} ${c.assessment.note ?? ''}` : '未评估'}</Descriptions.Item>
      </Descriptions>
      <Timeline style={{ marginTop: 16 }} items={(c.activities ?? []).map((a) => ({ children: `${a.heldOn} ${ACTIVITY_LABELS[a.kind]}：${a.topic}${a.participants ? `（${a.participants}人）` : ''}` }))} />
      {c.abilities.edit && (
        <Form layout="vertical" onFinish={(v) => plan.mutate(v)} initialValues={{ plan: c.plan }}>
          <Form.Item name="plan" label="培育方案" rules={[{ required: true, message: '请填写培育方案' }]}><Input.TextArea rows={3} /></Form.Item>
          <Button htmlType="submit">保存方案</Button>
        </Form>
      )}
      {c.abilities.addActivity && (
        <Form layout="inline" style={{ marginTop: 16 }} onFinish={(v) => act.mutate(v)} initialValues={{ kind: 'visit' }}>
          <Form.Item name="kind"><Select style={{ width: 110 }} options={Object.entries(ACTIVITY_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="heldOn" rules={[{ required: true, message: '日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="topic" rules={[{ required: true, message: '主题' }]}><Input placeholder="主题" /></Form.Item>
          <Form.Item name="participants"><InputNumber min={0} placeholder="人数" /></Form.Item>
          <Button htmlType="submit">登记</Button>
        </Form>
      )}
      {c.abilities.assess && (
        <Form layout="inline" style={{ marginTop: 16 }} onFinish={(v) => assess.mutate(v)} initialValues={{ result: 'qualified' }}>
          <Form.Item name="score" rules={[{ required: true, message: '得分' }]}><InputNumber min={0} max={100} placeholder="得分" /></Form.Item>
          <Form.Item name="result"><Select style={{ width: 100 }} options={Object.entries(ASSESSMENT_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="note"><Input placeholder="评估意见" /></Form.Item>
          <Button type="primary" htmlType="submit">评估</Button>
        </Form>
      )}
    </>
  );
}

export function CultivationPage() {
  const [year, setYear] = useState<number | undefined>(2026);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { me } = useAuth();
  const list = useQuery({ queryKey: ['cultivations', year], queryFn: () => api.get<{ items: C[] }>(`/api/cultivations${qs({ year, pageSize: 100 })}`) });
  return (
    <Card
      title="一对一企业培育"
      extra={
        <Space>
          <Select allowClear style={{ width: 120 }} value={year} onChange={setYear} options={[2024, 2025, 2026, 2027].map((y) => ({ value: y, label: `${y}年` }))} />
          {me?.abilities['cultivation.manage'] && <Button type="primary" onClick={() => setCreating(true)}>结对培育</Button>}
        </Space>
      }
    >
      <CreateCultivationModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => (setCreating(false), setOpen(id))} />
      <Table<C>
        rowKey="id"
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: '企业', render: (_, c) => c.enterprise.name },
          { title: '年度', dataIndex: 'year' },
          { title: '结对单位', dataIndex: 'partner', render: (v: C['partner']) => PARTNER_LABELS[v] },
          { title: '指导人员', render: (_, c) => c.officer?.name ?? '—' },
          { title: '进度', dataIndex: 'status', render: (v: C['status']) => <Tag color={v === 'assessed' ? 'green' : 'blue'}>{CULTIVATION_STATUS_LABELS[v]}</Tag> },
          { title: '', render: (_, c) => <Space><Button size="small" onClick={() => setOpen(c.id)}>详情</Button></Space> },
        ]}
      />
      <Drawer title="培育详情" open={!!open} onClose={() => setOpen(null)} width={720}>
        {open && <Detail id={open} />}
      </Drawer>
    </Card>
  );
}
