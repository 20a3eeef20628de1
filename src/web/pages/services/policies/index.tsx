import { useState } from 'react';
import { App, Button, Card, Drawer, Form, Input, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { EnterprisePicker, type PickedEnterprise } from '../components/enterprise-picker';
import { useRegionOptions } from '../components/use-regions';
import { INDUSTRY_SECTIONS, pct, POLICY_KINDS, SIZE_CLASSES } from '../labels';

interface Policy { id: string; title: string; kind: keyof typeof POLICY_KINDS; status: string; publishedAt: string | null; delivered: number; read: number; abilities: { publish: boolean } }
interface Reach { delivered: number; read: number; readRate: number; byStreet: { regionId: string; name: string; delivered: number; read: number; readRate: number }[] }

export function PoliciesPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { streets } = useRegionOptions();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [reachOf, setReachOf] = useState<Policy | null>(null);
  const [form] = Form.useForm();
  const [listed, setListed] = useState<PickedEnterprise[]>([]);
  const [picking, setPicking] = useState(false);
  const list = useQuery({ queryKey: ['policies', page], queryFn: () => api.get<{ items: Policy[]; total: number }>(`/api/policies${qs({ page })}`) });
  const reach = useQuery({ queryKey: ['policy-reach', reachOf?.id], queryFn: () => api.get<Reach>(`/api/policies/${reachOf!.id}/reach`), enabled: !!reachOf });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['policies'] });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown> & { industries?: string[]; sizes?: string[]; regionIds?: string[] }) =>
      api.post('/api/policies', { title: v.title, kind: v.kind, summary: v.summary, body: v.body, target: { industries: v.industries ?? [], sizes: v.sizes ?? [], regionIds: v.regionIds ?? [], enterpriseIds: listed.map((e) => e.id) } }),
    onSuccess: () => (message.success('草稿已保存'), setOpen(false), form.resetFields(), setListed([]), refresh()),
    onError: (e) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] }))) : message.error((e as Error).message)),
  });
  const publish = useMutation({ mutationFn: (id: string) => api.post<Policy>(`/api/policies/${id}/publish`), onSuccess: (p) => (message.success(`已推送 ${p.delivered} 家企业`), refresh()), onError: (e) => message.error((e as Error).message) });
  return (
    <Card title="政策库与推送" extra={me?.abilities['policy.publish'] && <Button type="primary" onClick={() => setOpen(true)}>起草政策</Button>}>
      <Table<Policy>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '类别', dataIndex: 'kind', render: (v: Policy['kind']) => <Tag>{POLICY_KINDS[v]}</Tag> },
          { title: '状态', dataIndex: 'status', render: (v: string) => (v === 'published' ? <Tag color="green">已发布</Tag> : <Tag>草稿</Tag>) },
          { title: '送达', dataIndex: 'delivered' },
          { title: '已读', render: (_, p) => (p.delivered ? `${p.read}（${pct(p.read / p.delivered)}）` : '—') },
          {
            title: '操作',
            render: (_, p) => (
              <Space>
                {p.abilities.publish && <Button size="small" type="primary" onClick={() => publish.mutate(p.id)}>发布推送</Button>}
                {p.status === 'published' && <Button size="small" onClick={() => setReachOf(p)}>阅读统计</Button>}
              </Space>
            ),
          },
        ]}
      />
      <Modal title="起草政策" open={open} width={720} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText="保存草稿" cancelText="取消">
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ kind: 'compilation' }}>
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input /></Form.Item>
          <Form.Item name="kind" label="类别"><Select options={Object.entries(POLICY_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="summary" label="摘要"><Input /></Form.Item>
          <Form.Item name="body" label="正文" rules={[{ required: true, message: '请填写正文' }]}><Input.TextArea rows={6} /></Form.Item>
          <Typography.Text type="secondary">推送对象（不选则推送本区域全部企业）</Typography.Text>
          <Form.Item name="industries" label="行业"><Select mode="multiple" options={Object.entries(INDUSTRY_SECTIONS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="sizes" label="规模"><Select mode="multiple" options={Object.entries(SIZE_CLASSES).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="regionIds" label="街道/镇"><Select mode="multiple" options={streets} /></Form.Item>
          <Form.Item label="指定企业名单" help={listed.length ? `已选 ${listed.length} 家企业` : '可从企业名录按条件筛选后勾选'}>
            <Space wrap>
              {listed.slice(0, 8).map((e) => <Tag key={e.id} closable onClose={() => setListed((l) => l.filter((x) => x.id !== e.id))}>{e.name}</Tag>)}
              {listed.length > 8 && <Tag>等{listed.length}家</Tag>}
              <Button size="small" onClick={() => setPicking(true)}>从企业名录选择</Button>
            </Space>
          </Form.Item>
        </Form>
      </Modal>
      <EnterprisePicker open={picking} title="选择推送企业" initial={listed} onCancel={() => setPicking(false)} onOk={(p) => (setListed(p), setPicking(false))} />
      <Drawer title={`阅读统计：${reachOf?.title ?? ''}`} open={!!reachOf} onClose={() => setReachOf(null)} width={560}>
        {reach.data && (
          <>
            <Progress type="circle" percent={Math.round(reach.data.readRate * 100)} format={() => `${reach.data.read}/${reach.data.delivered}`} />
            <Table size="small" style={{ marginTop: 16 }} rowKey="regionId" pagination={false} dataSource={reach.data.byStreet} columns={[{ title: '街道/镇', dataIndex: 'name' }, { title: '送达', dataIndex: 'delivered' }, { title: '已读', dataIndex: 'read' }, { title: '阅读率', dataIndex: 'readRate', render: pct }]} />
          </>
        )}
      </Drawer>
    </Card>
  );
}
