import { Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Terms } from '../types';

interface Values {
  summary: string;
  obligations?: { obligor: string; description: string; amount?: number; dueDate?: Dayjs }[];
}

/** The mediator's proposal of terms: a summary and, for an agreement later, what who pays by when. */
export function ProposeDialog({ onSubmit, respondentName }: { onSubmit: (t: Terms) => Promise<unknown>; respondentName: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="propose">
        提出方案
      </Button>
      <Modal
        open={open}
        title="提出调解方案"
        okText="发给双方"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const v = await form.validateFields();
          setBusy(true);
          try {
            await onSubmit({
              summary: v.summary,
              obligations: (v.obligations ?? []).map((o) => ({
                obligor: o.obligor,
                description: o.description,
                amount: o.amount ?? undefined,
                dueDate: o.dueDate?.format('YYYY-MM-DD'),
              })),
            });
            form.resetFields();
            setOpen(false);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ obligations: [{ obligor: respondentName, description: '支付拖欠工资' }] }}>
          <Form.Item name="summary" label="方案内容" rules={[{ required: true, message: '请填写方案内容' }]}>
            <Input.TextArea
              rows={3}
              placeholder="例如：被申请人于本月底前一次性支付工资，申请人放弃其他请求"
              data-testid="proposal-summary"
            />
          </Form.Item>
          <Form.List name="obligations">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap style={{ marginBottom: 4 }}>
                    <Form.Item name={[f.name, 'obligor']} rules={[{ required: true, message: '义务人' }]} style={{ marginBottom: 0 }}>
                      <Input placeholder="履行义务人" style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} rules={[{ required: true, message: '履行内容' }]} style={{ marginBottom: 0 }}>
                      <Input placeholder="履行内容" style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} style={{ marginBottom: 0 }}>
                      <InputNumber placeholder="金额（元）" min={0} style={{ width: 120 }} data-testid="proposal-amount" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueDate']} style={{ marginBottom: 0 }}>
                      <DatePicker placeholder="履行期限" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} size="small">
                  增加履行事项
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
