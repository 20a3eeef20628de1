import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Radio, Rate, Typography, Upload, App } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api';
import { evidenceForm, type PortalCase } from '../types';

/** The enterprise's answer to an application: accept negotiation, propose terms, or decline. */
export function RespondCard({ c }: { c: PortalCase }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: string; terms?: string; amount?: number; note?: string }>();
  const kind = Form.useWatch('kind', form);
  const m = useMutation({
    mutationFn: (v: object) => api.post<PortalCase>(`/api/portal/cases/${c.id}/response`, v),
    onSuccess: (r) => {
      qc.setQueryData(['portal-case', c.id], r);
      form.resetFields();
      message.success('已答复');
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field as 'terms', errors: [f.message] })));
      else message.error((e as Error).message);
    },
  });
  return (
    <Card size="small" title="答复申请" style={{ marginBottom: 12 }}>
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} initialValues={{ kind: 'accept_negotiation' }}>
        <Form.Item name="kind">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'accept_negotiation', label: '同意协商' },
              { value: 'propose_terms', label: '提出方案' },
              { value: 'decline', label: '不同意调解' },
            ]}
          />
        </Form.Item>
        {kind === 'propose_terms' && (
          <>
            <Form.Item name="terms" label="方案内容" rules={[{ required: true, message: '请写明提出的方案' }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="amount" label="金额（元）">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={m.isPending} block>
          提交答复
        </Button>
      </Form>
    </Card>
  );
}

/** Adds evidence (worker) or documents (enterprise) to the case. */
export function UploadCard({ c }: { c: PortalCase }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return (
    <Upload
      accept="image/jpeg,image/png,application/pdf"
      showUploadList={false}
      customRequest={async (o) => {
        try {
          await api.post(`/api/portal/cases/${c.id}/evidence`, evidenceForm(o.file as File));
          await qc.invalidateQueries({ queryKey: ['portal-case', c.id] });
          message.success('已上传');
          o.onSuccess?.({});
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : '上传失败');
          o.onError?.(e as Error);
        }
      }}
    >
      <Button icon={<UploadOutlined />}>{c.party === 'respondent' ? '上传材料' : '补充证据'}</Button>
    </Upload>
  );
}

/** 满意度 after closing, once per party. */
export function RateCard({ c }: { c: PortalCase }) {
  const qc = useQueryClient();
  const [score, setScore] = useState(5);
  const [comment, setComment] = useState('');
  const m = useMutation({
    mutationFn: () => api.post<PortalCase>(`/api/portal/cases/${c.id}/rating`, { score, comment: comment || undefined }),
    onSuccess: (r) => qc.setQueryData(['portal-case', c.id], r),
  });
  if (c.rating)
    return (
      <Card size="small" title="我的评价" style={{ marginBottom: 12 }}>
        <Rate disabled value={c.rating.score} /> {c.rating.comment}
      </Card>
    );
  if (!c.abilities.rate) return null;
  return (
    <Card size="small" title="评价本次调解服务" style={{ marginBottom: 12 }}>
      <Rate value={score} onChange={setScore} data-testid="rate" />
      <Input.TextArea rows={2} placeholder="您的意见和建议（选填）" value={comment} onChange={(e) => setComment(e.target.value)} style={{ margin: '8px 0' }} />
      {m.error && <Typography.Text type="danger">{(m.error as Error).message}</Typography.Text>}
      <Button type="primary" block onClick={() => m.mutate()} loading={m.isPending}>
        提交评价
      </Button>
    </Card>
  );
}
