import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { zh } from '../../../locale/zh';
import { ROLE_LABELS, ROLES } from '../../../../domain/access/roles';

interface UserItem {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  phoneMasked: string | null;
  disabled: boolean;
  locked: boolean;
  lastLoginAt: string | null;
}

export function UsersPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const manage = !!me?.abilities['user.manage'];
  const q = useQuery({ queryKey: ['users', search, page], queryFn: () => api.get<{ items: UserItem[]; total: number }>(`/api/users${qs({ q: search, page })}`) });
  const orgUnits = useQuery({ queryKey: ['org-units'], queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/org-units'), enabled: manage });
  const create = useMutation({
    mutationFn: (v: unknown) => api.post('/api/users', v),
    onSuccess: () => {
      message.success('用户已创建');
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] })));
      else message.error((e as Error).message);
    },
  });
  const toggle = useMutation({
    mutationFn: (u: UserItem) => api.patch(`/api/users/${u.id}`, { disabled: !u.disabled }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['users'] }),
    onError: (e) => message.error((e as Error).message),
  });
  const unlock = useMutation({
    mutationFn: (u: UserItem) => api.post(`/api/users/${u.id}/unlock`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <Card title="用户管理" extra={manage && <Button type="primary" onClick={() => setOpen(true)}>新建用户</Button>}>
      <Input.Search placeholder="用户名或姓名" allowClear onSearch={(v) => (setSearch(v), setPage(1))} style={{ maxWidth: 320, marginBottom: 16 }} />
      <Table<UserItem>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: zh.common.empty }}
        pagination={{ current: page, total: q.data?.total, pageSize: 20, showTotal: zh.common.total, onChange: setPage }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r}</Tag>) },
          { title: '手机', dataIndex: 'phoneMasked' },
          { title: '状态', render: (_, u) => (u.disabled ? <Tag color="default">已停用</Tag> : u.locked ? <Tag color="orange">已锁定</Tag> : <Tag color="green">正常</Tag>) },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { hour12: false }) : '—') },
          ...(manage
            ? [
                {
                  title: '操作',
                  render: (_: unknown, u: UserItem) => (
                    <Space>
                      <Button size="small" onClick={() => toggle.mutate(u)}>{u.disabled ? '启用' : '停用'}</Button>
                      {u.locked && <Button size="small" onClick={() => unlock.mutate(u)}>解锁</Button>}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal title="新建用户" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText="创建" cancelText="取消">
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label="初始密码" extra="至少10位，包含大写字母、小写字母、数字、符号中的三类" rules={[{ required: true, message: '请输入初始密码' }]}>
            <Input.Password />
          </Form.Item>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
            <Select showSearch optionFilterProp="label" options={orgUnits.data?.items.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
