import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api';
import { yuan, type CaseDetail, type Obligation } from '../types';

const PERF_COLORS: Record<string, string> = { fulfilled: 'green', partly: 'gold', overdue: 'red', pending: 'default' };
const AGREEMENT_KIND: Record<string, 'settlement' | 'mediation'> = {
  settled: 'settlement',
  agreement_reached: 'mediation',
  arbitral_review: 'mediation',
  agreement_confirmed: 'mediation',
  arbitration_settled: 'mediation',
};

/** Agreement terms, performance (fulfilled / partly / overdue), reminders and follow-up visits (履行回访). */
export function AgreementCard({ c }: { c: CaseDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [modal, setModal] = useState<null | 'agreement' | 'visit' | { pay: Obligation }>(null);
  const [form] = Form.useForm();
  const done = (r: CaseDetail) => {
    qc.setQueryData(['case', c.id], r);
    setModal(null);
    form.resetFields();
  };
  const post = useMutation({
    mutationFn: ({ url, body }: { url: string; body: unknown }) => api.post<CaseDetail>(url, body),
    onSuccess: (r) => (message.success('已保存'), done(r)),
    onError: (e) => message.error((e as Error).message),
  });
  const remind = useMutation({
    mutationFn: () => api.post<{ reminded: number }>(`/api/cases/${c.id}/reminders`),
    onSuccess: (r) => (message.success(`已提醒${r.reminded}项`), void qc.invalidateQueries({ queryKey: ['case', c.id] })),
    onError: (e) => message.error((e as Error).message),
  });
  const kind = AGREEMENT_KIND[c.status];
  const fmt = (d?: Dayjs) => d?.format('YYYY-MM-DD');
  const submit = (v: Record<string, unknown>) => {
    if (modal === 'agreement') {
      const obligations = (v.obligations as { obligor: string; description: string; amount?: number; dueDate?: Dayjs }[]).map((o) => ({
        ...o,
        dueDate: fmt(o.dueDate),
      }));
      post.mutate({ url: `/api/cases/${c.id}/agreements`, body: { kind, signedOn: fmt(v.signedOn as Dayjs), obligations, requiresConfirmation: !!v.requiresConfirmation } });
    } else if (modal === 'visit') {
      post.mutate({
        url: `/api/cases/${c.id}/visits`,
        body: { visitedOn: fmt(v.visitedOn as Dayjs), method: v.method, result: v.result, note: v.note || undefined },
      });
    } else if (modal) {
      post.mutate({
        url: `/api/cases/${c.id}/obligations/${modal.pay.id}/payments`,
        body: { amount: v.amount, paidOn: fmt(v.paidOn as Dayjs) },
      });
    }
  };
  if (c.agreements.length === 0 && !(kind && c.abilities.agreements)) return null;
  return (
    <Card
      title="协议与履行"
      size="small"
      extra={
        c.abilities.agreements && (
          <Space>
            {kind && c.agreements.length === 0 && (
              <Button size="small" type="primary" onClick={() => setModal('agreement')}>
                登记协议
              </Button>
            )}
            {c.agreements.length > 0 && (
              <Button size="small" onClick={() => remind.mutate()}>
                履行提醒
              </Button>
            )}
            {c.agreements.length > 0 && (
              <Button size="small" onClick={() => setModal('visit')}>
                履行回访
              </Button>
            )}
          </Space>
        )
      }
    >
      {c.agreements.map((a) => (
        <div key={a.id} style={{ marginBottom: 12 }}>
          <Space style={{ marginBottom: 8 }}>
            <b>{a.kindLabel}</b>签订于 {a.signedOn}，金额 {yuan(a.totalAmount)}，已履行 {yuan(a.paidAmount)}
            <Tag color={PERF_COLORS[a.performance]}>{a.performanceLabel}</Tag>
            {a.requiresConfirmation && (
              <Tag color={a.status === 'effective' ? 'green' : 'orange'} data-testid="agreement-confirm-status">
                {a.statusLabel}
              </Tag>
            )}
          </Space>
          <Table<Obligation>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={a.obligations}
            columns={[
              { title: '义务人', dataIndex: 'obligor', ellipsis: true },
              { title: '内容', dataIndex: 'description' },
              { title: '金额', dataIndex: 'amount', render: yuan },
              { title: '期限', dataIndex: 'dueDate' },
              { title: '已履行', dataIndex: 'paidAmount', render: yuan },
              {
                title: '履行情况',
                dataIndex: 'performanceLabel',
                render: (v: string, o) => <Tag color={PERF_COLORS[o.performance]}>{v}</Tag>,
              },
              ...(c.abilities.agreements
                ? [
                    {
                      title: '',
                      render: (_: unknown, o: Obligation) =>
                        o.performance !== 'fulfilled' && <a onClick={() => setModal({ pay: o })}>登记履行</a>,
                    },
                  ]
                : []),
            ]}
          />
          {a.visits.map((v) => (
            <div key={v.id} style={{ color: '#666', marginTop: 4 }}>
              回访 {v.visitedOn}：{{ fulfilled: '已履行', partly: '部分履行', not_fulfilled: '未履行' }[v.result] ?? v.result}
              {v.note ? `（${v.note}）` : ''}
            </div>
          ))}
        </div>
      ))}
      <Modal
        title={modal === 'agreement' ? '登记协议' : modal === 'visit' ? '履行回访' : '登记履行'}
        open={!!modal}
        onCancel={() => setModal(null)}
        onOk={() => form.submit()}
        confirmLoading={post.isPending}
        okText="保存"
        cancelText="取消"
        destroyOnHidden
        width={modal === 'agreement' ? 760 : 480}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            signedOn: dayjs(),
            paidOn: dayjs(),
            visitedOn: dayjs(),
            method: 'phone',
            result: 'fulfilled',
            obligations: [{ obligor: c.respondent.name, description: '向申请人支付款项' }],
          }}
        >
          {modal === 'agreement' && (
            <>
              <Form.Item name="signedOn" label="签订日期" rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.List name="obligations">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" wrap>
                        <Form.Item name={[f.name, 'obligor']} rules={[{ required: true, message: '义务人' }]}>
                          <Input placeholder="义务人" style={{ width: 180 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'description']} rules={[{ required: true, message: '内容' }]}>
                          <Input placeholder="履行内容" style={{ width: 180 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'amount']}>
                          <InputNumber placeholder="金额" aria-label="协议金额" min={0} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'dueDate']}>
                          <DatePicker placeholder="履行期限" aria-label="履行期限" />
                        </Form.Item>
                        {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                      添加履行事项
                    </Button>
                  </>
                )}
              </Form.List>
              <Form.Item name="requiresConfirmation" valuePropName="checked" style={{ marginTop: 12, marginBottom: 0 }}>
                <Checkbox>需双方当事人在线阅读并以短信验证码确认后生效</Checkbox>
              </Form.Item>
            </>
          )}
          {modal === 'visit' && (
            <>
              <Form.Item name="visitedOn" label="回访日期">
                <DatePicker />
              </Form.Item>
              <Form.Item name="method" label="方式">
                <Select
                  options={[
                    { value: 'phone', label: '电话' },
                    { value: 'visit', label: '上门' },
                    { value: 'online', label: '线上' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="result" label="履行情况">
                <Select
                  options={[
                    { value: 'fulfilled', label: '已履行' },
                    { value: 'partly', label: '部分履行' },
                    { value: 'not_fulfilled', label: '未履行' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="note" label="情况说明">
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {modal && typeof modal === 'object' && (
            <>
              <Form.Item
                name="amount"
                label={`金额（约定 ${yuan(modal.pay.amount)}，已履行 ${yuan(modal.pay.paidAmount)}）`}
                rules={[{ required: true, message: '请填写金额' }]}
              >
                <InputNumber min={0.01} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="paidOn" label="履行日期">
                <DatePicker />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
