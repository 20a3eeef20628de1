import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type dayjs from 'dayjs';
import { api, ApiError } from '../../../api';
import type { ComplaintDetail } from '../types';

export type Action = 'assign' | 'accept' | 'reject' | 'extend' | 'order' | 'close';
const TITLES: Record<Action, string> = { assign: '分派监察员', accept: '受理立案', reject: '不予受理', extend: '延长调查期限', order: '下达限期整改指令书', close: '办结' };

const VIOLATION_KINDS = [
  ['ordinary', '一般劳动保障违法行为'],
  ['refused_order', '拒不履行整改指令或处理决定'],
  ['obstruction', '无理抗拒、阻挠劳动保障监察'],
  ['child_labour', '使用童工'],
  ['forced_labour', '强迫劳动'],
  ['wage_crime_amount', '欠薪达到拒不支付劳动报酬罪数额标准'],
  ['mass_incident', '引发群体性事件或严重不良社会影响'],
].map(([value, label]) => ({ value, label }));

type Values = Record<string, unknown> & { dueOn?: dayjs.Dayjs; items?: string; withDecision?: boolean; decisionText?: string; amount?: number };

function body(action: Action, v: Values) {
  if (action === 'order') return { findings: v.findings, items: String(v.items ?? '').split('\n').map((s) => s.trim()).filter(Boolean), dueOn: v.dueOn?.format('YYYY-MM-DD'), lateReason: v.lateReason || undefined };
  if (action === 'close')
    return { outcome: v.outcome, findings: v.findings, feedback: v.feedback, violationKind: v.outcome === 'violation_found' ? v.violationKind : undefined, decision: v.withDecision ? { text: v.decisionText, amount: v.amount ?? undefined } : undefined, lateReason: v.lateReason || undefined };
  if (action === 'accept') return { lateReason: v.lateReason || undefined };
  return v;
}

/** One modal for every handling step; field errors from the server land on their fields. */
export function ActionModal({ c, action, onClose, onDone }: { c: ComplaintDetail; action: Action | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const withDecision = Form.useWatch('withDecision', form);
  const inspectors = useQuery({ queryKey: ['complaint-inspectors'], queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/complaints/inspectors'), enabled: action === 'assign' });
  const run = useMutation({
    mutationFn: (v: Values) => api.post(`/api/complaints/${c.id}/${action === 'order' ? 'rectification-order' : action}`, body(action!, v)),
    onSuccess: () => (message.success(`${TITLES[action!]}：已完成`), form.resetFields(), onDone()),
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) {
        const map: Record<string, string> = { 'decision.text': 'decisionText', 'decision.amount': 'amount' };
        form.setFields(e.fields.map((f) => ({ name: map[f.field] ?? f.field.split('.')[0]!, errors: [f.message] })));
      } else message.error((e as Error).message);
    },
  });
  const late = c.deadline?.state === 'overdue';
  return (
    <Modal title={action ? TITLES[action] : ''} open={!!action} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} okText="确定" cancelText="取消" width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={{ outcome: 'violation_found', violationKind: 'ordinary' }}>
        {action === 'assign' && (
          <Form.Item name="userId" label="承办监察员" rules={[{ required: true, message: '请选择承办监察员' }]}>
            <Select options={inspectors.data?.items.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        {action === 'reject' && (
          <Form.Item name="reason" label="不予受理理由（反馈投诉人）" rules={[{ required: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {action === 'extend' && (
          <>
            <Form.Item name="reason" label="情况复杂的具体情形" rules={[{ required: true, message: '请填写延长理由' }]}><Input.TextArea rows={3} /></Form.Item>
            <Form.Item name="approvedBy" label="批准的负责人" rules={[{ required: true, message: '请填写批准人' }]}><Input /></Form.Item>
          </>
        )}
        {(action === 'order' || action === 'close') && (
          <Form.Item name="findings" label={action === 'order' ? '查明的违法事实' : '调查结论'} rules={[{ required: true, message: '请填写' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {action === 'order' && (
          <>
            <Form.Item name="items" label="整改事项（每行一项）" rules={[{ required: true, message: '请填写整改事项' }]}><Input.TextArea rows={3} /></Form.Item>
            <Form.Item name="dueOn" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}><DatePicker /></Form.Item>
          </>
        )}
        {action === 'close' && (
          <>
            <Form.Item name="outcome" label="办结结果"><Radio.Group options={[{ value: 'violation_found', label: '查实违法' }, { value: 'no_violation', label: '未发现违法' }, { value: 'withdrawn', label: '撤销立案' }]} /></Form.Item>
            {outcome === 'violation_found' && (
              <>
                <Form.Item name="violationKind" label="违法行为类别（记入守法诚信档案）"><Select options={VIOLATION_KINDS} /></Form.Item>
                <Form.Item name="withDecision" valuePropName="checked"><Checkbox>同时作出行政处理决定书</Checkbox></Form.Item>
                {withDecision && (
                  <>
                    <Form.Item name="decisionText" label="处理决定" rules={[{ required: true, message: '请填写处理决定' }]}><Input.TextArea rows={2} /></Form.Item>
                    <Form.Item name="amount" label="责令支付金额（元）"><InputNumber min={0} style={{ width: 200 }} /></Form.Item>
                  </>
                )}
              </>
            )}
            <Form.Item name="feedback" label="向投诉人反馈" rules={[{ required: true, message: '请填写反馈内容' }]}><Input.TextArea rows={2} /></Form.Item>
          </>
        )}
        {late && action !== 'assign' && action !== 'reject' && action !== 'extend' && (
          <Form.Item name="lateReason" label="逾期原因（已超过法定期限）" rules={[{ required: true, message: '请填写逾期原因' }]}><Input /></Form.Item>
        )}
        {action === 'accept' && <p>受理后即立案，调查期限为60个工作日。</p>}
      </Form>
    </Modal>
  );
}
