import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import { zh } from '../../../locale/zh';

interface KeyItem {
  id: string;
  name: string;
  keyPrefix: string;
  orgUnitName: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export function ApiKeysPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['api-keys'], queryFn: () => api.get<{ items: KeyItem[] }>('/api/api-keys') });
  const orgUnits = useQuery({ queryKey: ['org-units'], queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/org-units') });
  const create = useMutation({
    mutationFn: (v: unknown) => api.post<{ key: string }>('/api/api-keys', v),
    onSuccess: (r) => {
      setCreated(r.key);
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['api-keys'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.post(`/api/api-keys/${id}/revoke`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['api-keys'] }),
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Card title="数据接口密钥" extra={<Button type="primary" onClick={() => setOpen(true)}>新建密钥</Button>}>
      <Typography.Paragraph type="secondary">法院、政数局、社保等数据提供方以 Authorization: Bearer 密钥 推送数据；密钥只在创建时显示一次。</Typography.Paragraph>
      {created && <Alert type="success" closable onClose={() => setCreated(null)} style={{ marginBottom: 16 }} message="密钥已创建，请立即复制保存（不会再次显示）" description={<Typography.Text copyable code>{created}</Typography.Text>} />}
      <Table<KeyItem>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: zh.common.empty }}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '所属单位', dataIndex: 'orgUnitName' },
          { title: '前缀', dataIndex: 'keyPrefix', render: (v: string) => <code>{v}…</code> },
          { title: '最近使用', dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { hour12: false }) : '—') },
          { title: '状态', render: (_, k) => (k.revokedAt ? <Tag>已吊销</Tag> : <Tag color="green">有效</Tag>) },
          {
            title: '操作',
            render: (_, k) =>
              !k.revokedAt && (
                <Popconfirm title="吊销后该密钥立即失效，确定吗？" onConfirm={() => revoke.mutate(k.id)} okText="吊销" cancelText="取消">
                  <Button size="small" danger>吊销</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal title="新建数据接口密钥" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="创建" cancelText="取消" confirmLoading={create.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
            <Input placeholder="如：区法院立案信息推送" />
          </Form.Item>
          <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
            <Select showSearch optionFilterProp="label" options={orgUnits.data?.items.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
