import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { INDUSTRY_SECTIONS, OUTREACH_STATUS_LABELS } from '../labels';
import { AddFromRegistry } from './add-from-registry';

interface Item {
  enterpriseId: string;
  name: string;
  regionName: string | null;
  industryCode: string | null;
  headcount: number;
  registeredOn: string;
  status: keyof typeof OUTREACH_STATUS_LABELS;
  officer: { id: string; name: string } | null;
  lastVisitOn: string | null;
  visitCount: number;
  abilities: { assign: boolean; visit: boolean };
}
const COLORS = { unassigned: 'red', assigned: 'orange', visited: 'green' } as const;

export function OutreachPage() {
  const { message } = App.useApp();
  const { me } = useAuth();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [assign, setAssign] = useState<Item | null>(null);
  const [visit, setVisit] = useState<Item | null>(null);
  const [visitForm] = Form.useForm();
  const [officer, setOfficer] = useState<string>();
  const list = useQuery({ queryKey: ['outreach', status, page], queryFn: () => api.get<{ items: Item[]; total: number; since: string }>(`/api/outreach${qs({ status, page })}`) });
  const officers = useQuery({ queryKey: ['outreach-officers'], queryFn: () => api.get<{ items: { id: string; displayName: string }[] }>('/api/outreach/officers'), enabled: !!assign });
  const visits = useQuery({ queryKey: ['outreach-visits', visit?.enterpriseId], queryFn: () => api.get<{ items: { id: string; visitedOn: string; visitor: { name: string }; summary: string; needs: string | null }[] }>(`/api/outreach/${visit!.enterpriseId}/visits`), enabled: !!visit });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['outreach'] });
  const doAssign = useMutation({ mutationFn: () => api.post(`/api/outreach/${assign!.enterpriseId}/assign`, { officerUserId: officer }), onSuccess: () => (message.success('已分派'), setAssign(null), refresh()), onError: (e) => message.error((e as Error).message) });
  const doVisit = useMutation({
    mutationFn: (v: { visitedOn: dayjs.Dayjs; summary: string; needs?: string }) => api.post(`/api/outreach/${visit!.enterpriseId}/visits`, { ...v, visitedOn: v.visitedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      message.success('走访已登记');
      visitForm.resetFields();
      refresh();
      void qc.invalidateQueries({ queryKey: ['outreach-visits'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <div>
      <Typography.Title level={3}>新注册企业走访</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <Select allowClear placeholder="状态" style={{ width: 140 }} onChange={(v) => (setStatus(v), setPage(1))} options={Object.entries(OUTREACH_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
        {me?.abilities['outreach.assign'] && <AddFromRegistry onDone={() => void qc.invalidateQueries({ queryKey: ['outreach'] })} />}
        <Typography.Text type="secondary">{list.data && `用工10人以上、${list.data.since} 以来注册的企业自动纳入`}</Typography.Text>
      </Space>
      <Table<Item>
        rowKey="enterpriseId"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
        columns={[
          { title: '企业', dataIndex: 'name' },
          { title: '所在区域', dataIndex: 'regionName' },
          { title: '行业', dataIndex: 'industryCode', render: (v: string) => INDUSTRY_SECTIONS[v as keyof typeof INDUSTRY_SECTIONS] ?? v },
          { title: '用工人数', dataIndex: 'headcount' },
          { title: '注册日期', dataIndex: 'registeredOn' },
          { title: '状态', dataIndex: 'status', render: (v: Item['status']) => <Tag color={COLORS[v]}>{OUTREACH_STATUS_LABELS[v]}</Tag> },
          { title: '服务专员', render: (_, r) => r.officer?.name ?? '—' },
          { title: '最近走访', dataIndex: 'lastVisitOn', render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            render: (_, r) => (
              <Space>
                {r.abilities.assign && <Button size="small" onClick={() => setAssign(r)}>{r.officer ? '改派' : '分派'}</Button>}
                {r.officer && <Button size="small" onClick={() => setVisit(r)}>走访记录</Button>}
              </Space>
            ),
          },
        ]}
      />
      <Modal title={`分派服务专员：${assign?.name ?? ''}`} open={!!assign} onCancel={() => setAssign(null)} onOk={() => doAssign.mutate()} okButtonProps={{ disabled: !officer }} confirmLoading={doAssign.isPending} okText="分派" cancelText="取消">
        <Select style={{ width: '100%' }} showSearch optionFilterProp="label" placeholder="选择服务专员" onChange={setOfficer} options={officers.data?.items.map((o) => ({ value: o.id, label: o.displayName }))} />
      </Modal>
      <Drawer title={`走访记录：${visit?.name ?? ''}`} open={!!visit} onClose={() => setVisit(null)} width={560}>
        <Timeline items={(visits.data?.items ?? []).map((v) => ({ children: `${v.visitedOn} ${v.visitor.name}：${v.summary}${v.needs ? `（企业需求：${v.needs}）` : ''}` }))} />
        {visit?.abilities.visit && (
          <Form form={visitForm} layout="vertical" onFinish={(v) => doVisit.mutate(v)} initialValues={{ visitedOn: dayjs() }}>
            <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="summary" label="走访情况" rules={[{ required: true, message: '请填写走访情况' }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="needs" label="企业需求">
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={doVisit.isPending}>登记走访</Button>
          </Form>
        )}
      </Drawer>
    </div>
  );
}
