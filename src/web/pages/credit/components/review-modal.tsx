import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../../api';
import type { Evaluation } from '../types';

/** Officials review an enterprise's objection: upheld (with the reviewed grade) or rejected. */
export function ReviewModal({ evaluation, onClose, onDone }: { evaluation: Evaluation | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form);
  const save = useMutation({
    mutationFn: (v: { outcome: string; grade?: string; reply: string }) => api.post(`/api/credit/evaluations/${evaluation!.id}/review`, v),
    onSuccess: () => (message.success('复核意见已保存'), form.resetFields(), onDone()),
    onError: (e) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] }))) : message.error((e as Error).message)),
  });
  return (
    <Modal title={`复核异议：${evaluation?.enterpriseName ?? ''}`} open={!!evaluation} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" cancelText="取消">
      <Typography.Paragraph>
        拟评等级 <b>{evaluation?.proposedGrade}</b>；企业异议：{evaluation?.objection?.reason}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'rejected' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="outcome" label="复核结论">
          <Radio.Group options={[{ value: 'rejected', label: '异议不成立，维持原等级' }, { value: 'upheld', label: '异议成立，调整等级' }]} />
        </Form.Item>
        {outcome === 'upheld' && (
          <Form.Item name="grade" label="复核后等级" rules={[{ required: true, message: '请选择等级' }]}>
            <Select options={['A', 'B', 'C'].map((g) => ({ value: g, label: `${g}级` }))} />
          </Form.Item>
        )}
        <Form.Item name="reply" label="复核意见（告知企业）" rules={[{ required: true, message: '请填写复核意见' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
