import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api';

export interface IndicatorRow {
  id: string;
  name: string;
  unit: string;
  measure: 'count' | 'stock' | 'rate';
  mode: 'computed' | 'manual';
  manualEntry: boolean;
  value: number | null;
  target: number | null;
  version: number;
  light: 'green' | 'yellow' | 'red' | 'grey';
  definition: string;
  formula: string;
  dataSource: string;
}

type FormLike = ReturnType<typeof Form.useForm>[0];
/** Server field errors land on the form field they name; anything else is a toast. */
export function showError(form: FormLike, message: { error: (s: string) => void }, e: unknown) {
  if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field.split('.'), errors: [f.message] })));
  else message.error((e as Error).message);
}

/** Sets the yearly target of an indicator for the user's region (PUT /api/indicators/:id/targets). */
export function TargetModal({ item, regionId, year, onClose }: { item: IndicatorRow | null; regionId: string; year: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { target: number }) => api.put(`/api/indicators/${item!.id}/targets`, { regionId, year, target: v.target }),
    onSuccess: () => (message.success('目标已保存'), void qc.invalidateQueries({ queryKey: ['cockpit'] }), onClose()),
    onError: (e) => showError(form, message, e),
  });
  return (
    <Modal open={!!item} title={`设定${year}年目标：${item?.name ?? ''}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ target: item?.target ?? undefined }} preserve={false}>
        <Form.Item name="target" label={`目标值（${item?.unit ?? ''}）`} rules={[{ required: true, message: '请填写目标值' }, { type: 'number', min: 0, message: '目标值不能为负' }, ...(item?.measure === 'rate' ? [{ type: 'number' as const, max: 100, message: '比率目标不能超过100%' }] : [])]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A unit enters the figure of a manual indicator for a period (POST /api/indicators/:id/values). */
export function ValueModal({ item, regionId, year, onClose }: { item: IndicatorRow | null; regionId: string; year: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const rate = item?.measure === 'rate';
  const save = useMutation({
    mutationFn: (v: { period: string; value: number; numerator?: number; denominator?: number; note?: string }) => api.post(`/api/indicators/${item!.id}/values`, { regionId, ...v }),
    onSuccess: () => (message.success('已填报'), void qc.invalidateQueries({ queryKey: ['cockpit'] }), onClose()),
    onError: (e) => showError(form, message, e),
  });
  return (
    <Modal open={!!item} title={`填报：${item?.name ?? ''}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="提交" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ period: String(year) }} preserve={false}>
        <Form.Item name="period" label="统计期" extra="年度填 YYYY，月度填 YYYY-MM" rules={[{ required: true, message: '请填写统计期' }, { pattern: /^\d{4}(-(0[1-9]|1[0-2]))?$/, message: '统计期格式为YYYY或YYYY-MM' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="value" label={`数值（${item?.unit ?? ''}）`} rules={[{ required: true, message: '请填写数值' }, { type: 'number', min: 0, message: '数值不能为负' }, ...(rate ? [{ type: 'number' as const, max: 100, message: '比率不能超过100%' }] : [])]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        {rate && (
          <Form.Item label="分子 / 分母（可选）" style={{ marginBottom: 0 }}>
            <Form.Item name="numerator" style={{ display: 'inline-block', width: '48%' }}><InputNumber min={0} placeholder="分子" style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="denominator" style={{ display: 'inline-block', width: '48%', marginLeft: '4%' }}><InputNumber min={0} placeholder="分母" style={{ width: '100%' }} /></Form.Item>
          </Form.Item>
        )}
        <Form.Item name="note" label="说明"><Input.TextArea rows={2} maxLength={300} /></Form.Item>
      </Form>
    </Modal>
  );
}
