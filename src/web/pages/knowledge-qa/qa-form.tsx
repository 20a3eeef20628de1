import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ApiError, api } from '../../api';
import { REVIEW_STATUS_LABELS } from '../../../domain/knowledge/entries';
import type { QaView } from '../consult/types';
import { CitationsField, fieldPath } from './citations-field';

interface Values {
  question: string;
  answer: string;
  citations: { lawId: string; articleNo: number }[];
  tags: string[];
  status: 'draft' | 'reviewed';
}

/** Create or edit one entry; cited articles are picked by law and article number and checked by the server. */
export function QaForm({ entry, onClose, onSaved }: { entry: QaView | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      entry ? api.patch<QaView>(`/api/knowledge/qa/${entry.id}`, { ...v, revision: entry.revision }) : api.post<QaView>('/api/knowledge/qa', v),
    onSuccess: () => {
      void message.success('已保存');
      onSaved();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0) {
        form.setFields(e.fields.map((f) => ({ name: fieldPath(f.field), errors: [f.message] })));
      }
      void message.error((e as Error).message);
    },
  });
  return (
    <Modal open title={entry ? '编辑问答' : '新增问答'} width={760} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          entry
            ? { question: entry.question, answer: entry.answer, citations: entry.citations.map((c) => ({ lawId: c.lawId, articleNo: c.articleNo })), tags: entry.tags, status: entry.status }
            : { citations: [{ lawId: 'labor-contract-law' }], tags: [], status: 'draft' }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="question" label="问题（群众的说法）" rules={[{ required: true, message: '请填写问题' }]}>
          <Input maxLength={300} showCount />
        </Form.Item>
        <Form.Item name="answer" label="解答（通俗、可操作）" rules={[{ required: true, message: '请填写解答' }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
        <CitationsField />
        <Form.Item name="tags" label="标签">
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Form.Item name="status" label="审核状态" extra="只有“已审核”的问答对公众可见">
          <Radio.Group options={Object.entries(REVIEW_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </Form>
    </Modal>
  );
}
