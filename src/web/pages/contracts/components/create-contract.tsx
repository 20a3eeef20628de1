import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useState } from 'react';
import { api, ApiError, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { KIND_OPTIONS } from '../types';

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** 登记集体合同: enterprise users register their own; officials choose the enterprise or a region. */
export function CreateContractModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const isEnterprise = !!me?.user.enterpriseId && me.user.roles.includes('enterprise');
  const scope = Form.useWatch('scope', form) ?? 'enterprise';
  const [q, setQ] = useState('');
  const ents = useQuery({
    queryKey: ['contract-enterprise-options', q],
    enabled: open && !isEnterprise && scope === 'enterprise',
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>(`/api/collective-contracts/enterprise-options${qs({ q })}`),
  });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<{ id: string }>('/api/collective-contracts', v),
    onSuccess: (c) => {
      message.success('已登记，请上传合同文本');
      onClose();
      void navigate(`/contracts/${c.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] })));
      else message.error((e as Error).message);
    },
  });
  const submit = (v: Record<string, unknown> & { term?: [Dayjs, Dayjs]; signedOn?: Dayjs; congressOn?: Dayjs }) =>
    create.mutate({
      scope: v.scope ?? 'enterprise',
      kind: v.kind,
      title: v.title,
      enterpriseId: isEnterprise ? me!.user.enterpriseId : v.enterpriseId,
      regionId: v.regionId,
      industryCode: v.industryCode,
      employerRepresentative: v.employerRepresentative,
      workerRepresentative: v.workerRepresentative,
      signedOn: day(v.signedOn),
      congressOn: day(v.congressOn),
      congressVotesFor: v.congressVotesFor,
      congressDelegates: v.congressDelegates,
      termStart: day(v.term?.[0]),
      termEnd: day(v.term?.[1]),
      coveredEmployees: v.coveredEmployees,
    });
  return (
    <Modal title="登记集体合同" open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText="登记" cancelText="取消" width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ scope: 'enterprise', kind: 'comprehensive' }}>
        {!isEnterprise && (
          <Form.Item name="scope" label="合同范围">
            <Select options={[{ value: 'enterprise', label: '企业集体合同' }, { value: 'regional', label: '区域性集体合同' }, { value: 'industry', label: '行业性集体合同' }]} />
          </Form.Item>
        )}
        {!isEnterprise && scope === 'enterprise' && (
          <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
            <Select showSearch filterOption={false} onSearch={setQ} options={ents.data?.items.map((e) => ({ value: e.id, label: e.name }))} placeholder="输入企业名称筛选" />
          </Form.Item>
        )}
        {!isEnterprise && scope !== 'enterprise' && (
          <Form.Item name="regionId" label="区域编码" extra="区域性、行业性合同约束该区域内（该行业）的全部企业">
            <Input placeholder={me?.user.regionId} />
          </Form.Item>
        )}
        {scope === 'industry' && (
          <Form.Item name="industryCode" label="行业门类代码" rules={[{ required: true, message: '请填写行业门类代码' }]}>
            <Input placeholder="如 E（建筑业）" maxLength={1} />
          </Form.Item>
        )}
        <Form.Item name="kind" label="合同类型">
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="title" label="合同名称" rules={[{ required: true, message: '请填写合同名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="双方首席代表" style={{ marginBottom: 0 }}>
          <Form.Item name="employerRepresentative" style={{ display: 'inline-block', width: '49%' }}>
            <Input placeholder="企业方" />
          </Form.Item>
          <Form.Item name="workerRepresentative" style={{ display: 'inline-block', width: '49%', marginLeft: '2%' }}>
            <Input placeholder="职工方" />
          </Form.Item>
        </Form.Item>
        <Form.Item name="term" label="合同期限" extra="一般为1至3年（集体合同规定 第三十八条）">
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="职工代表大会" style={{ marginBottom: 0 }}>
          <Form.Item name="congressOn" style={{ display: 'inline-block', width: '32%' }}>
            <DatePicker placeholder="通过日期" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="congressDelegates" style={{ display: 'inline-block', width: '32%', marginLeft: '2%' }}>
            <InputNumber placeholder="代表总数" min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="congressVotesFor" style={{ display: 'inline-block', width: '32%', marginLeft: '2%' }}>
            <InputNumber placeholder="赞成票" min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form.Item>
        <Form.Item label="签字日期与覆盖职工" style={{ marginBottom: 0 }}>
          <Form.Item name="signedOn" style={{ display: 'inline-block', width: '49%' }}>
            <DatePicker placeholder="首席代表签字日期" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="coveredEmployees" style={{ display: 'inline-block', width: '49%', marginLeft: '2%' }}>
            <InputNumber placeholder="覆盖职工人数" min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form.Item>
      </Form>
    </Modal>
  );
}
