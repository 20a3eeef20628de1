import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from '../rosters/components/form-modal';

export interface TrainingEvent { id: string; title: string; kind: string; kindLabel: string; audience: string; audienceLabel: string; heldOn: string; place: string; hours: number; capacity: number; enrolled: number; materials: string | null; status: string; statusLabel: string }

/** 培训活动与学习交流: schedule, enrolment, attendance and the hours credited. */
export function TrainingEventsPage() {
  const { me } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['training-events'], queryFn: () => api.get<{ items: TrainingEvent[] }>('/api/training-events') });
  return (
    <Card title="培训活动与学习交流" extra={me?.abilities['trainingEvent.manage'] && <Button type="primary" onClick={() => setCreating(true)}>发布活动</Button>}>
      <Table<TrainingEvent> rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items} pagination={false} onRow={(r) => ({ onClick: () => nav(`/rosters/training/${r.id}`), style: { cursor: 'pointer' } })} columns={[
        { title: '日期', dataIndex: 'heldOn', width: 110 },
        { title: '活动', dataIndex: 'title' },
        { title: '类型', dataIndex: 'kindLabel', render: (v: string) => <Tag>{v}</Tag> },
        { title: '对象', dataIndex: 'audienceLabel' },
        { title: '地点', dataIndex: 'place' },
        { title: '学时', dataIndex: 'hours', align: 'right' },
        { title: '报名/名额', render: (_, e) => `${e.enrolled}/${e.capacity}` },
        { title: '状态', dataIndex: 'statusLabel', render: (v: string, e) => <Tag color={e.status === 'open' ? 'blue' : 'default'}>{v}</Tag> },
      ]} />
      <FormModal title="发布培训或交流活动" open={creating} onClose={() => setCreating(false)} invalidate={['training-events']} initialValues={{ kind: 'training', audience: 'mediator' }} submit={(v) => api.post('/api/training-events', v)}>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}><Input /></Form.Item>
        <Form.Item name="kind" label="类型"><Select options={[{ value: 'training', label: '业务培训' }, { value: 'exchange', label: '学习交流' }]} /></Form.Item>
        <Form.Item name="audience" label="对象"><Select options={[{ value: 'mediator', label: '调解员' }, { value: 'coordinator', label: '劳动关系协调员' }, { value: 'all', label: '调解员和协调员' }]} /></Form.Item>
        <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}><Input /></Form.Item>
        <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}><InputNumber min={0.5} step={0.5} /></Form.Item>
        <Form.Item name="capacity" label="名额" rules={[{ required: true, message: '请填写名额' }]}><InputNumber min={1} /></Form.Item>
        <Form.Item name="materials" label="学习资料"><Input.TextArea rows={3} /></Form.Item>
      </FormModal>
    </Card>
  );
}
