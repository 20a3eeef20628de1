import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api';
import { DEFAULT_ENTERPRISE_INDICATORS } from '../../../../domain/enterprise-services/harmony';
import { SUBJECT_LABELS } from '../labels';

/** Officials configure an indicator set (categories, indicators, maximum scores) for a kind of unit. */
export function IndicatorSetModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: unknown) => api.post('/api/harmony/indicator-sets', v),
    onSuccess: () => {
      message.success('指标体系已创建');
      void qc.invalidateQueries({ queryKey: ['harmony-sets'] });
      onClose();
    },
    onError: (e) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] }))) : message.error((e as Error).message)),
  });
  return (
    <Modal title="新建评价指标体系" open={open} width={900} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText="创建" cancelText="取消">
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ subjectKind: 'enterprise', indicators: DEFAULT_ENTERPRISE_INDICATORS }}>
        <Space>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input style={{ width: 360 }} /></Form.Item>
          <Form.Item name="subjectKind" label="适用对象"><Select style={{ width: 220 }} options={Object.entries(SUBJECT_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        </Space>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '编码' }]}><Input placeholder="编码" style={{ width: 100 }} /></Form.Item>
                  <Form.Item name={[f.name, 'category']} rules={[{ required: true, message: '类别' }]}><Input placeholder="类别" style={{ width: 110 }} /></Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '指标' }]}><Input placeholder="指标内容" style={{ width: 420 }} /></Form.Item>
                  <Form.Item name={[f.name, 'maxScore']} rules={[{ required: true, message: '分值' }]}><InputNumber min={1} max={100} placeholder="分值" /></Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ maxScore: 10 })}>添加指标</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
