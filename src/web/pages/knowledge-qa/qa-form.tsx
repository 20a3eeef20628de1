import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api';
import { REVIEW_STATUS_LABELS } from '../../../domain/knowledge/entries';
import type { QaView } from '../consult/types';

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
  const laws = useQuery({ queryKey: ['laws'], queryFn: () => api.get<{ items: { lawId: string; shortTitle: string }[] }>('/api/knowledge/laws') });
  const save = useMutation({
    mutationFn: (v: Values) =>
      entry ? api.patch<QaView>(`/api/knowledge/qa/${entry.id}`, { ...v, revision: entry.revision }) : api.post<QaView>('/api/knowledge/qa', v),
    onSuccess: () => {
      void message.success('已保存');
      onSaved();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0) {
        form.setFields(e.fields.map((f) => ({ name: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never, errors: [f.message] })));
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
        <Form.List name="citations">
          {(fields, { add, remove }) => (
            <Form.Item label="引用条文" required>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'lawId']} rules={[{ required: true, message: '请选择法规' }]}>
                    <Select showSearch optionFilterProp="label" style={{ width: 260 }} options={(laws.data?.items ?? []).map((l) => ({ value: l.lawId, label: l.shortTitle }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'articleNo']} rules={[{ required: true, message: '请填写条号' }]}>
                    <InputNumber min={1} addonBefore="第" addonAfter="条" style={{ width: 150 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ lawId: 'labor-contract-law' })}>
                添加条文
              </Button>
            </Form.Item>
          )}
        </Form.List>
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
