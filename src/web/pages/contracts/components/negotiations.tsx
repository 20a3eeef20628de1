import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { zh } from '../../../locale/zh';
import { KIND_OPTIONS, type Paged } from '../types';

export interface NegotiationItem {
  id: string;
  title: string;
  kindLabel: string;
  enterpriseName: string | null;
  status: string;
  statusLabel: string;
  instructorName: string | null;
  requestedOn: string | null;
  response: { due: string; late: boolean; responded: boolean } | null;
}

export function NegotiationList() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [form] = Form.useForm();
  const isEnterprise = me?.user.roles.includes('enterprise');
  const list = useQuery({ queryKey: ['negotiations', page], queryFn: () => api.get<Paged<NegotiationItem>>(`/api/negotiations${qs({ page })}`) });
  const ents = useQuery({ queryKey: ['contract-enterprise-options', search], enabled: open && !isEnterprise, queryFn: () => api.get<{ items: { id: string; name: string }[] }>(`/api/collective-contracts/enterprise-options${qs({ q: search })}`) });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<{ id: string }>('/api/negotiations', v),
    onSuccess: (n) => void navigate(`/contracts/negotiations/${n.id}`),
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] })));
      else message.error((e as Error).message);
    },
  });
  return (
    <>
      {me?.abilities['negotiation.manage'] && (
        <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setOpen(true)}>
          发起集体协商
        </Button>
      )}
      <Table<NegotiationItem>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: zh.common.empty }}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, showTotal: zh.common.total, onChange: setPage }}
        columns={[
          { title: '协商事项', render: (_, n) => <Link to={`/contracts/negotiations/${n.id}`}>{n.title}</Link> },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '企业', dataIndex: 'enterpriseName', render: (v) => v ?? '区域/行业' },
          { title: '指导员', dataIndex: 'instructorName', render: (v) => v ?? '—' },
          { title: '要约日期', dataIndex: 'requestedOn' },
          { title: '回应期限', render: (_, n) => (n.response ? <Tag color={n.response.late ? 'red' : n.response.responded ? 'green' : 'orange'}>{n.response.due}{n.response.late ? ' 逾期' : ''}</Tag> : '—') },
          { title: '进度', dataIndex: 'statusLabel' },
        ]}
      />
      <Modal title="发起集体协商（要约）" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText="发起" cancelText="取消" destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'comprehensive', initiator: isEnterprise ? 'employer' : 'union' }}
          onFinish={(v) => create.mutate({ ...v, scope: 'enterprise', enterpriseId: isEnterprise ? me!.user.enterpriseId : v.enterpriseId, requestedOn: v.requestedOn?.format('YYYY-MM-DD') })}
        >
          {!isEnterprise && (
            <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
              <Select showSearch filterOption={false} onSearch={setSearch} options={ents.data?.items.map((e) => ({ value: e.id, label: e.name }))} />
            </Form.Item>
          )}
          <Form.Item name="title" label="协商事项" rules={[{ required: true, message: '请填写协商事项' }]}>
            <Input placeholder="如：2027年度工资集体协商" />
          </Form.Item>
          <Form.Item name="kind" label="拟订立的合同">
            <Select options={KIND_OPTIONS} />
          </Form.Item>
          <Form.Item name="initiator" label="要约方">
            <Select options={[{ value: 'union', label: '工会（职工方）' }, { value: 'employer', label: '企业方' }]} />
          </Form.Item>
          <Form.Item name="requestedOn" label="要约日期" rules={[{ required: true, message: '请选择要约日期' }]} extra="对方应在20日内书面回应（集体合同规定 第三十二条）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="instructorName" label="集体协商指导员">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
