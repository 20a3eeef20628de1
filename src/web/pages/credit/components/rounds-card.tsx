import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, ApiError } from '../../../api';
import type { Round } from '../types';

/** Yearly evaluation rounds: open one (grades proposed from the record), close it after the meeting. */
export function RoundsCard() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState<number>(dayjs().year());
  const [closing, setClosing] = useState<Round | null>(null);
  const [form] = Form.useForm();
  const rounds = useQuery({ queryKey: ['credit-rounds'], queryFn: () => api.get<{ items: Round[] }>('/api/credit/rounds') });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['credit-rounds'] }).then(() => qc.invalidateQueries({ queryKey: ['credit-overview'] }));
  const create = useMutation({
    mutationFn: () => api.post('/api/credit/rounds', { year }),
    onSuccess: () => (message.success('已启动年度评价，拟评等级已告知企业'), refresh()),
    onError: (e) => message.error((e as Error).message),
  });
  const close = useMutation({
    mutationFn: (v: { meetingOn: dayjs.Dayjs; minutes: string }) => api.post(`/api/credit/rounds/${closing!.id}/close`, { meetingOn: v.meetingOn.format('YYYY-MM-DD'), minutes: v.minutes }),
    onSuccess: () => (message.success('等级已确定'), setClosing(null), form.resetFields(), refresh()),
    onError: (e) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] }))) : message.error((e as Error).message)),
  });
  return (
    <Card
      title="年度评价批次"
      size="small"
      extra={
        <Space>
          <InputNumber min={2016} max={2100} value={year} onChange={(v) => setYear(v ?? year)} />
          <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>启动年度评价</Button>
        </Space>
      }
    >
      <Table<Round>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rounds.data?.items}
        columns={[
          { title: '批次', dataIndex: 'title' },
          { title: '状态', render: (_, r) => (r.status === 'open' ? <Tag color="blue">异议期/待确定</Tag> : <Tag color="green">已确定</Tag>) },
          { title: '异议期至', dataIndex: 'objectionDueOn' },
          { title: 'A / B / C', render: (_, r) => `${r.counts.byGrade.A} / ${r.counts.byGrade.B} / ${r.counts.byGrade.C}` },
          { title: '待复核异议', render: (_, r) => r.counts.byStatus.objected },
          { title: '评价会议', render: (_, r) => r.meetingOn ?? '—' },
          { title: '', render: (_, r) => r.status === 'open' && <Button size="small" onClick={() => setClosing(r)}>召开评价会议并确定</Button> },
        ]}
      />
      <Modal title="确定年度等级" open={!!closing} onCancel={() => setClosing(null)} onOk={() => form.submit()} confirmLoading={close.isPending} okText="确定等级" cancelText="取消">
        <Form form={form} layout="vertical" onFinish={(v) => close.mutate(v)} initialValues={{ meetingOn: dayjs() }}>
          <Form.Item name="meetingOn" label="会议日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, message: '请填写评价会议纪要' }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
