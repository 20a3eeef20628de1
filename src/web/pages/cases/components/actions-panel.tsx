import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, ApiError } from '../../../api';
import { CASE_ACTION_LABELS, actionRequiresReason, type CaseAction } from '../../../../domain/cases/state-machine';
import type { CaseDetail } from '../types';

const PRIMARY: ReadonlySet<string> = new Set([
  'accept_mediation',
  'reach_agreement',
  'reach_settlement',
  'accept_arbitration',
  'confirm_agreement',
  'confirm_performance',
]);
const DANGER: ReadonlySet<string> = new Set(['decline', 'terminate_mediation', 'decline_arbitration', 'withdraw']);

/** The actions the server allows this user on this case (abilities.actions), each with the inputs it needs. */
export function ActionsPanel({ c }: { c: CaseDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [action, setAction] = useState<CaseAction | null>(null);
  const [form] = Form.useForm();
  const orgs = useQuery({
    queryKey: ['mediation-orgs-all'],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/mediation-orgs?pageSize=200'),
    enabled: action === 'transfer_org',
  });
  const run = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<CaseDetail>(`/api/cases/${c.id}/actions`, v),
    onSuccess: (r) => {
      message.success(`已${CASE_ACTION_LABELS[action!]}`);
      setAction(null);
      form.resetFields();
      qc.setQueryData(['case', c.id], r);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: ['case', c.id] });
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] })));
      message.error((e as Error).message);
    },
  });
  if (c.abilities.actions.length === 0) return null;
  const submit = (v: { reason?: string; organizationId?: string; until?: Dayjs; on?: Dayjs }) =>
    run.mutate({
      action,
      version: c.version,
      reason: v.reason || undefined,
      organizationId: v.organizationId,
      until: v.until?.format('YYYY-MM-DD'),
      on: v.on?.format('YYYY-MM-DD'),
    });
  return (
    <>
      <Space wrap>
        {c.abilities.actions.map((a) => (
          <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} onClick={() => setAction(a as CaseAction)}>
            {CASE_ACTION_LABELS[a as CaseAction]}
          </Button>
        ))}
      </Space>
      <Modal
        title={action ? CASE_ACTION_LABELS[action] : ''}
        open={!!action}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        okText="确定"
        cancelText="取消"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {action === 'transfer_org' && (
            <Form.Item name="organizationId" label="接收的调解组织" rules={[{ required: true, message: '请选择调解组织' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={orgs.data?.items.filter((o) => o.id !== c.organizationId).map((o) => ({ value: o.id, label: o.name }))}
              />
            </Form.Item>
          )}
          {action === 'extend_mediation' && (
            <Form.Item name="until" label="双方同意延长至" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="on" label="日期（默认今天）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="reason"
            label="理由或说明"
            rules={action && actionRequiresReason(action) ? [{ required: true, message: '请说明理由' }] : []}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
