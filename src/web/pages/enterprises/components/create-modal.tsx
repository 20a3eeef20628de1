import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { INDUSTRY_SECTIONS } from '../../../../domain/enterprise/industries';
import { api, ApiError } from '../../../api';
import { useRegions } from './use-regions';

export function CreateEnterpriseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { streets, parks } = useRegions();
  const create = useMutation({
    mutationFn: (v: unknown) => api.post<{ id: string }>('/api/enterprises', v),
    onSuccess: (e) => {
      message.success('企业已登记');
      onClose();
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['enterprises'] });
      void navigate(`/enterprises/${e.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] })));
      else if (e instanceof ApiError && e.status === 409) form.setFields([{ name: 'uscc', errors: [e.message] }]);
      else message.error((e as Error).message);
    },
  });
  return (
    <Modal title="登记企业" open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText="登记" cancelText="取消">
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="name" label="企业名称" rules={[{ required: true, message: '请输入企业名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="uscc" label="统一社会信用代码" rules={[{ required: true, message: '请输入统一社会信用代码' }]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="regionId" label="所属街道（镇）或园区" rules={[{ required: true, message: '请选择所属区域' }]}>
          <Select showSearch optionFilterProp="label" options={[...streets, ...parks].map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="industryCode" label="行业">
          <Select allowClear options={Object.entries(INDUSTRY_SECTIONS).map(([k, v]) => ({ value: k, label: `${k} ${v}` }))} />
        </Form.Item>
        <Form.Item name="headcount" label="职工人数">
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
