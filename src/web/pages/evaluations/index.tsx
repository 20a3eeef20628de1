import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { showError } from '../indicators/components/forms';

interface Round { id: string; title: string; regionId: string; year: number; status: 'open' | 'closed'; createdAt: string }

/** Evaluation rounds of pilot zones (综合试验区): launch one on a set of indicators, then reviewers score it. */
export function EvaluationsPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const rounds = useQuery({ queryKey: ['evaluations'], queryFn: () => api.get<{ items: Round[] }>('/api/evaluations') });
  const indicators = useQuery({ queryKey: ['indicators'], enabled: open, queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/indicators') });
  const create = useMutation({
    mutationFn: (v: { title: string; year: number; indicatorIds: string[] }) => api.post<Round>('/api/evaluations', { ...v, regionId: me!.user.regionId }),
    onSuccess: (r) => (message.success('评估已发起'), void qc.invalidateQueries({ queryKey: ['evaluations'] }), setOpen(false), nav(`/evaluations/${r.id}`)),
    onError: (e) => showError(form, message, e),
  });
  return (
    <Card title="综合试验区评估" extra={<Button type="primary" onClick={() => setOpen(true)}>发起评估</Button>}>
      <Table<Round>
        rowKey="id"
        loading={rounds.isLoading}
        dataSource={rounds.data?.items}
        locale={{ emptyText: <Empty description="尚未发起评估。点击“发起评估”，选择评估指标后由评审人打分、提出意见。" /> }}
        columns={[
          { title: '评估名称', dataIndex: 'title', render: (v: string, r) => <Link to={`/evaluations/${r.id}`}>{v}</Link> },
          { title: '年度', dataIndex: 'year', width: 90 },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: Round['status']) => (s === 'open' ? <Tag color="blue">评估中</Tag> : <Tag>已结束</Tag>) },
          { title: '发起时间', dataIndex: 'createdAt', width: 180, render: (v: string) => v.slice(0, 16).replace('T', ' ') },
        ]}
      />
      <Modal open={open} title="发起评估" onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="发起" confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ year: new Date().getFullYear() }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="title" label="评估名称" rules={[{ required: true, message: '请填写评估名称' }, { min: 2, message: '请填写评估名称' }]}><Input placeholder="如 综合试验区中期评估" /></Form.Item>
          <Form.Item name="year" label="评估年度" rules={[{ required: true, message: '请填写评估年度' }]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="indicatorIds" label="评估指标" rules={[{ required: true, message: '至少选择一项评估指标' }]}>
            <Select mode="multiple" loading={indicators.isLoading} options={indicators.data?.items.map((i) => ({ value: i.id, label: i.name }))} placeholder="选择指标" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
