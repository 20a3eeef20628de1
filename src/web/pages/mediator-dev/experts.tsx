import { useState } from 'react';
import { Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from '../rosters/components/form-modal';
import { EXPERT_KINDS } from './labels';

interface Expert { id: string; name: string; kindLabel: string; employer: string; title: string | null; specialities: string[]; phone: string | null; status: string; assignments: number }

/** 专家服务团队: lawyers, judges, arbitrators and scholars, assignable to an enterprise or a case. */
export function ExpertsPage() {
  const { me } = useAuth();
  const manage = !!me?.abilities['expert.manage'];
  const [kind, setKind] = useState<string>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<string | null>(null);
  const [target, setTarget] = useState<'enterprise' | 'case'>('enterprise');
  const [tq, setTq] = useState('');
  const list = useQuery({ queryKey: ['experts', kind, q], queryFn: () => api.get<{ items: Expert[] }>(`/api/experts${qs({ kind, q })}`) });
  const targets = useQuery({
    queryKey: ['expert-targets', target, tq],
    enabled: !!assigning,
    queryFn: async () => (target === 'enterprise'
      ? (await api.get<{ items: { id: string; name: string }[] }>(`/api/enterprises${qs({ q: tq, pageSize: 20 })}`)).items.map((e) => ({ value: e.id, label: e.name }))
      : (await api.get<{ items: { id: string; caseNo: string; respondentName: string }[] }>(`/api/cases${qs({ q: tq, pageSize: 20 })}`)).items.map((c) => ({ value: c.id, label: `${c.caseNo}（${c.respondentName}）` }))),
  });
  return (
    <Card title="专家服务团队" extra={<div style={{ display: 'flex', gap: 8 }}><Select allowClear placeholder="类别" options={EXPERT_KINDS} onChange={setKind} style={{ width: 140 }} /><Input.Search placeholder="姓名或单位" allowClear onSearch={setQ} style={{ width: 200 }} />{manage && <Button type="primary" onClick={() => setCreating(true)}>专家入库</Button>}</div>}>
      <Table<Expert> rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items} pagination={false} columns={[
        { title: '姓名', dataIndex: 'name', width: 90 },
        { title: '类别', dataIndex: 'kindLabel', render: (v: string) => <Tag color="blue">{v}</Tag> },
        { title: '工作单位', dataIndex: 'employer' },
        { title: '职务职称', dataIndex: 'title' },
        { title: '专长', dataIndex: 'specialities', render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>) },
        { title: '服务次数', dataIndex: 'assignments', align: 'right' },
        { title: '状态', dataIndex: 'status', render: (v: string) => (v === 'active' ? <Tag color="green">在库</Tag> : <Tag>停用</Tag>) },
        ...(manage ? [{ title: '', render: (_: unknown, e: Expert) => e.status === 'active' && <Button size="small" onClick={() => setAssigning(e.id)}>指派服务</Button> }] : []),
      ]} />
      <FormModal title="专家入库" open={creating} onClose={() => setCreating(false)} invalidate={['experts']} submit={(v) => api.post('/api/experts', { ...v, specialities: String(v.specialities ?? '').split(/[、,，\s]+/).filter(Boolean) })}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input /></Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择' }]}><Select options={EXPERT_KINDS} /></Form.Item>
        <Form.Item name="employer" label="工作单位" rules={[{ required: true, message: '请填写工作单位' }]}><Input /></Form.Item>
        <Form.Item name="title" label="职务职称"><Input /></Form.Item>
        <Form.Item name="specialities" label="专长（顿号分隔）" rules={[{ required: true, message: '请填写至少一个专长' }]}><Input /></Form.Item>
        <Form.Item name="phone" label="电话"><Input /></Form.Item>
      </FormModal>
      <FormModal title="指派专家服务" open={!!assigning} onClose={() => setAssigning(null)} invalidate={['experts']} initialValues={{ targetKind: 'enterprise' }} submit={(v) => api.post(`/api/experts/${assigning ?? ''}/assignments`, v)}>
        <Form.Item name="targetKind" label="服务对象类别"><Select onChange={(v: 'enterprise' | 'case') => setTarget(v)} options={[{ value: 'enterprise', label: '企业（用工指导）' }, { value: 'case', label: '案件（疑难案件会商）' }]} /></Form.Item>
        <Form.Item name="targetId" label="服务对象" rules={[{ required: true, message: '请选择服务对象' }]}><Select showSearch filterOption={false} onSearch={setTq} options={targets.data} placeholder="输入名称或案号查找" /></Form.Item>
        <Form.Item name="task" label="服务事项" rules={[{ required: true, message: '请填写服务事项' }]}><Input.TextArea rows={2} /></Form.Item>
      </FormModal>
    </Card>
  );
}
