import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Descriptions, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from '../rosters/components/form-modal';
import { MediatorSelect } from './mediator-select';
import type { TrainingEvent } from './training';

interface Detail extends TrainingEvent { enrolments: { id: string; personKind: string; personName: string; attended: boolean | null; hoursCredited: number }[]; self: { name: string } | null; selfEnrolled: boolean }

export function TrainingEventPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['training-event', id];
  const d = useQuery({ queryKey: key, queryFn: () => api.get<Detail>(`/api/training-events/${id}`) });
  const [present, setPresent] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const e = d.data;
  useEffect(() => setPresent(e?.enrolments.filter((x) => x.attended !== false).map((x) => x.id) ?? []), [e]);
  const done = () => void qc.invalidateQueries({ queryKey: key });
  const enrolSelf = useMutation({ mutationFn: () => api.post(`/api/training-events/${id}/enrolments`, {}), onSuccess: () => (message.success('已报名'), done()), onError: (x) => message.error(x.message) });
  const attendance = useMutation({ mutationFn: () => api.post(`/api/training-events/${id}/attendance`, { attended: present }), onSuccess: () => (message.success('考勤已登记，学时已计入培训记录'), done()), onError: (x) => message.error(x.message) });
  const manage = !!me?.abilities['trainingEvent.manage'];
  return (
    <Card title={e?.title ?? '培训活动'} loading={d.isLoading} extra={<Link to="/rosters/training">返回活动列表</Link>}>
      {e && (
        <>
          <Descriptions size="small" bordered column={3} items={[
            { label: '类型', children: e.kindLabel }, { label: '对象', children: e.audienceLabel }, { label: '日期', children: e.heldOn },
            { label: '地点', children: e.place }, { label: '学时', children: e.hours }, { label: '报名/名额', children: `${e.enrolled}/${e.capacity}` },
            { label: '学习资料', span: 3, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.materials ?? '—'}</Typography.Paragraph> },
          ]} />
          <Space style={{ margin: '16px 0' }}>
            {e.status === 'open' && e.self && !e.selfEnrolled && <Button type="primary" loading={enrolSelf.isPending} onClick={() => enrolSelf.mutate()}>本人报名（{e.self.name}）</Button>}
            {e.selfEnrolled && <Tag color="green">您已报名</Tag>}
            {manage && e.status === 'open' && <Button onClick={() => setAdding(true)}>代为报名</Button>}
            {manage && e.status === 'open' && <Button type="primary" loading={attendance.isPending} onClick={() => attendance.mutate()}>登记考勤（勾选出勤人员）</Button>}
          </Space>
          <Table rowKey="id" size="small" pagination={false} dataSource={e.enrolments} columns={[
            ...(manage && e.status === 'open' ? [{ title: '出勤', width: 60, render: (_: unknown, r: Detail['enrolments'][number]) => <Checkbox checked={present.includes(r.id)} onChange={(x) => setPresent((p) => (x.target.checked ? [...p, r.id] : p.filter((i) => i !== r.id)))} /> }] : []),
            { title: '姓名', dataIndex: 'personName' },
            { title: '类别', dataIndex: 'personKind', render: (v: string) => (v === 'mediator' ? '调解员' : '协调员') },
            { title: '考勤', dataIndex: 'attended', render: (v: boolean | null) => (v === null ? <Tag>待考勤</Tag> : v ? <Tag color="green">出勤</Tag> : <Tag color="red">缺勤</Tag>) },
            { title: '计入学时', dataIndex: 'hoursCredited' },
          ]} />
          <FormModal title="代为报名" open={adding} onClose={() => setAdding(false)} invalidate={key} initialValues={{ personKind: 'mediator' }} submit={(v) => api.post(`/api/training-events/${id}/enrolments`, v)}>
            <Form.Item name="personKind" label="类别"><Select options={[{ value: 'mediator', label: '调解员' }]} /></Form.Item>
            <Form.Item name="personId" label="调解员" rules={[{ required: true, message: '请选择' }]}><MediatorSelect /></Form.Item>
          </FormModal>
        </>
      )}
    </Card>
  );
}
