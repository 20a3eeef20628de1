import { useEffect } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api';
import { DEFAULT_ENTERPRISE_INDICATORS } from '../../../../domain/enterprise-services/harmony';
import { SUBJECT_LABELS } from '../labels';

export interface IndicatorSet {
  id: string;
  name: string;
  subjectKind: string;
  active: boolean;
  indicators: { code: string; category: string; name: string; maxScore: number }[];
  maxTotal: number;
}

/**
 * Officials configure an indicator set (categories, indicators, maximum scores) for a kind of unit;
 * with `editing` the same form edits a set (PATCH): name, active, and the indicators while no unit has
 * assessed itself against them (the server answers 409 otherwise).
 */
export function IndicatorSetModal({ open, onClose, editing }: { open: boolean; onClose: () => void; editing?: IndicatorSet | null }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ name: editing.name, subjectKind: editing.subjectKind, active: editing.active, indicators: editing.indicators });
  }, [open, editing, form]);
  const create = useMutation({
    mutationFn: (v: { subjectKind?: string; name: string; active?: boolean; indicators: unknown[] }) =>
      editing ? api.patch(`/api/harmony/indicator-sets/${editing.id}`, { name: v.name, active: v.active, indicators: v.indicators }) : api.post('/api/harmony/indicator-sets', v),
    onSuccess: () => {
      message.success(editing ? '指标体系已保存' : '指标体系已创建');
      void qc.invalidateQueries({ queryKey: ['harmony-sets'] });
      onClose();
    },
    onError: (e) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] }))) : message.error((e as Error).message)),
  });
  return (
    <Modal title={editing ? `编辑指标体系：${editing.name}` : '新建评价指标体系'} open={open} width={900} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText={editing ? '保存' : '创建'} cancelText="取消">
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ subjectKind: 'enterprise', indicators: DEFAULT_ENTERPRISE_INDICATORS }}>
        <Space>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input style={{ width: 360 }} /></Form.Item>
          <Form.Item name="subjectKind" label="适用对象"><Select disabled={!!editing} style={{ width: 220 }} options={Object.entries(SUBJECT_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          {editing && <Form.Item name="active" label="启用" valuePropName="checked"><Switch /></Form.Item>}
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
