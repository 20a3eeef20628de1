import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Progress, Row, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type dayjs from 'dayjs';
import { api, ApiError, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { RECRUITMENT_MODE_LABELS } from '../labels';

interface Stats { targets: { online: number; offline: number }; progress: { mode: string; label: string; held: number; target: number; rate: number }[]; positions: number; attendees: number }
interface Ev { id: string; mode: 'online' | 'offline'; title: string; heldOn: string; venue: string | null; employers: number; positions: number; attendees: number }

export function RecruitmentPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState(2026);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const manage = !!me?.abilities['recruitment.manage'];
  const stats = useQuery({ queryKey: ['recruit-stats', year], queryFn: () => api.get<Stats>(`/api/recruitment-events/progress?year=${year}`) });
  const list = useQuery({ queryKey: ['recruit', year, page], queryFn: () => api.get<{ items: Ev[]; total: number }>(`/api/recruitment-events${qs({ year, page })}`) });
  const [targets, setTargets] = useState<{ online?: number; offline?: number }>({});
  const saveTargets = useMutation({
    mutationFn: () => api.put(`/api/recruitment-targets/${year}`, { online: targets.online ?? stats.data?.targets.online, offline: targets.offline ?? stats.data?.targets.offline }),
    onSuccess: () => (message.success('目标已保存'), void qc.invalidateQueries({ queryKey: ['recruit-stats'] })),
    onError: (e) => message.error((e as Error).message),
  });
  const create = useMutation({
    mutationFn: (v: { heldOn: dayjs.Dayjs } & Record<string, unknown>) => api.post('/api/recruitment-events', { ...v, heldOn: v.heldOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      message.success('已登记');
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['recruit'] });
      void qc.invalidateQueries({ queryKey: ['recruit-stats'] });
    },
    onError: (e) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] }))) : message.error((e as Error).message)),
  });
  return (
    <div>
      <Typography.Title level={3}>招聘活动</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <Select style={{ width: 120 }} value={year} onChange={setYear} options={[2024, 2025, 2026, 2027].map((y) => ({ value: y, label: `${y}年` }))} />
        {manage && stats.data && (
          <>
            <span>年度目标：线上</span>
            <InputNumber key={`on-${year}`} min={0} defaultValue={stats.data.targets.online} onChange={(v) => setTargets((t) => ({ ...t, online: v ?? 0 }))} />
            <span>线下</span>
            <InputNumber key={`off-${year}`} min={0} defaultValue={stats.data.targets.offline} onChange={(v) => setTargets((t) => ({ ...t, offline: v ?? 0 }))} />
            <Button onClick={() => saveTargets.mutate()}>保存目标</Button>
          </>
        )}
      </Space>
      <Row gutter={16}>
        {stats.data?.progress.map((p) => (
          <Col span={8} key={p.mode}>
            <Card size="small" title={`${p.label}（目标 ${p.target} 场）`}>
              <Progress type="dashboard" percent={Math.min(100, Math.round(p.rate * 100))} format={() => `${p.held} 场`} />
            </Card>
          </Col>
        ))}
        <Col span={8}>
          <Card size="small" title="岗位与参会">
            <p>提供岗位 {stats.data?.positions ?? 0} 个</p>
            <p>参会求职者 {stats.data?.attendees ?? 0} 人次</p>
          </Card>
        </Col>
      </Row>
      <Card title="活动记录" style={{ marginTop: 16 }} extra={manage && <Button type="primary" onClick={() => setOpen(true)}>登记招聘活动</Button>}>
        <Table<Ev>
          rowKey="id"
          size="small"
          dataSource={list.data?.items}
          pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
          columns={[
            { title: '日期', dataIndex: 'heldOn' },
            { title: '形式', dataIndex: 'mode', render: (v: Ev['mode']) => RECRUITMENT_MODE_LABELS[v] },
            { title: '名称', dataIndex: 'title' },
            { title: '地点/平台', dataIndex: 'venue' },
            { title: '参会企业', dataIndex: 'employers' },
            { title: '岗位数', dataIndex: 'positions' },
            { title: '参会人次', dataIndex: 'attendees' },
          ]}
        />
      </Card>
      <Modal title="登记招聘活动" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText="保存" cancelText="取消">
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ mode: 'offline' }}>
          <Form.Item name="mode" label="形式"><Select options={Object.entries(RECRUITMENT_MODE_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input /></Form.Item>
          <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="venue" label="地点/平台"><Input /></Form.Item>
          <Form.Item name="employers" label="参会企业"><InputNumber min={0} /></Form.Item>
          <Form.Item name="positions" label="岗位数"><InputNumber min={0} /></Form.Item>
          <Form.Item name="attendees" label="参会人次"><InputNumber min={0} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
