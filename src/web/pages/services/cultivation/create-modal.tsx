import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../../api';
import { PARTNER_LABELS } from '../labels';

/** Pair a bureau/union/federation with an enterprise for a year, starting from the diagnosis. */
export function CreateCultivationModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [search, setSearch] = useState('');
  const candidates = useQuery({ queryKey: ['cultivation-candidates', search], queryFn: () => api.get<{ items: { id: string; name: string }[] }>(`/api/cultivations/candidates${qs({ q: search })}`), enabled: search.length > 0 });
  const create = useMutation({
    mutationFn: (v: unknown) => api.post<{ id: string }>('/api/cultivations', v),
    onSuccess: (c) => {
      message.success('已结对');
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['cultivations'] });
      onCreated(c.id);
    },
    onError: (e) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] }))) : message.error((e as Error).message)),
  });
  return (
    <Modal title="结对培育" open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText="结对" cancelText="取消">
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ year: new Date().getFullYear(), partner: 'hrss' }}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          <Select showSearch filterOption={false} onSearch={setSearch} placeholder="输入企业名称查找" options={candidates.data?.items.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item name="year" label="年度"><InputNumber min={2020} max={2100} /></Form.Item>
        <Form.Item name="partner" label="结对单位"><Select options={Object.entries(PARTNER_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="diagnosis" label="用工诊断" rules={[{ required: true, message: '请填写用工诊断' }]}><Input.TextArea rows={4} placeholder="劳动合同、工资工时、社会保险、民主管理、集体协商等方面存在的问题" /></Form.Item>
      </Form>
    </Modal>
  );
}
