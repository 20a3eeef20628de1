import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { EMPLOYER_KINDS, SKILL_LEVELS, type CoordinatorRow } from './labels';

/** 劳动关系协调员名册: profile, certificate, enterprises served and training hours. */
export function CoordinatorsPage() {
  const { me } = useAuth();
  const nav = useNavigate();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['coordinators', q, page], queryFn: () => api.get<{ items: CoordinatorRow[]; total: number }>(`/api/coordinators${qs({ q, page, pageSize: 20 })}`) });
  return (
    <Card
      title="劳动关系协调员名册"
      extra={
        <Space>
          <Input.Search placeholder="姓名或所在单位" allowClear onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 220 }} />
          {me?.abilities['coordinator.coverage'] && <Link to="/rosters/coverage">覆盖情况</Link>}
          {me?.abilities['coordinator.manage'] && <Button type="primary" onClick={() => setCreating(true)}>登记协调员</Button>}
        </Space>
      }
    >
      <Table<CoordinatorRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage }}
        onRow={(r) => ({ onClick: () => nav(`/rosters/coordinators/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '所在单位', render: (_, r) => `${r.employerName}（${r.employerKindLabel}）` },
          { title: '技能等级', dataIndex: 'skillLevelLabel', render: (v: string | null) => v ?? '—' },
          { title: '证书编号', dataIndex: 'certificateNo', render: (v: string | null) => v ?? '—' },
          { title: '服务企业', dataIndex: 'enterprises', align: 'right' },
          { title: '培训学时', dataIndex: 'trainingHours', align: 'right' },
          { title: '状态', dataIndex: 'status', render: (v: string) => (v === 'active' ? <Tag color="green">在岗</Tag> : <Tag>已退出</Tag>) },
        ]}
      />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown> & { certifiedOn?: Dayjs }) => api.post('/api/coordinators', { ...v, certifiedOn: v.certifiedOn?.format('YYYY-MM-DD') }),
    onSuccess: () => (message.success('已登记'), void qc.invalidateQueries({ queryKey: ['coordinators'] }), form.resetFields(), onClose()),
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Modal title="登记劳动关系协调员" open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input /></Form.Item>
        <Form.Item name="employerKind" label="单位类型" rules={[{ required: true, message: '请选择' }]}><Select options={EMPLOYER_KINDS} /></Form.Item>
        <Form.Item name="employerName" label="所在单位" rules={[{ required: true, message: '请填写所在单位' }]}><Input /></Form.Item>
        <Form.Item name="skillLevel" label="技能等级"><Select allowClear options={SKILL_LEVELS} /></Form.Item>
        <Form.Item name="certificateNo" label="证书编号"><Input /></Form.Item>
        <Form.Item name="certifiedOn" label="发证日期"><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
