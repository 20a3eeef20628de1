import { useState } from 'react';
import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import type { AlertDetail } from '../types';

type Step = 'assign' | 'assess' | 'handle' | 'close';
const TITLES: Record<Step, string> = { assign: '分派', assess: '研判', handle: '处置', close: '销号' };
const FIELD: Record<Exclude<Step, 'assign'>, { name: string; label: string; placeholder: string }> = {
  assess: { name: 'findings', label: '研判意见', placeholder: '核实情况、风险成因、可能影响人数' },
  handle: { name: 'actions', label: '处置措施', placeholder: '约谈、调解、督促支付工资、指导依法裁员等' },
  close: { name: 'result', label: '销号结果', placeholder: '风险化解情况及依据' },
};

/** The lifecycle buttons the server says this user may press, each with its form. */
export function AlertActions({ alert }: { alert: AlertDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  const [form] = Form.useForm();
  const kind = Form.useWatch('assigneeKind', form) as string | undefined;
  const coordinators = useQuery({ queryKey: ['coordinators'], enabled: step === 'assign', queryFn: () => api.get<{ items: { id: string; displayName: string }[] }>('/api/users?role=coordinator&pageSize=200') });
  const orgUnits = useQuery({ queryKey: ['org-units'], enabled: step === 'assign', queryFn: () => api.get<{ items: { id: string; name: string; kind: string }[] }>('/api/org-units') });
  const run = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<AlertDetail>(`/api/alerts/${alert.id}/${step}`, v),
    onSuccess: () => {
      message.success(`${TITLES[step!]}成功`);
      setStep(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['alert', alert.id] });
      void qc.invalidateQueries({ queryKey: ['alerts'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  const steps = (['assign', 'assess', 'handle', 'close'] as const).filter((s) => alert.abilities[s]);
  const units = (orgUnits.data?.items ?? []).filter((o) => (kind === 'street' ? o.kind === 'street_office' : ['hrss', 'union', 'federation', 'court', 'data_bureau', 'justice', 'arbitration'].includes(o.kind)));
  return (
    <>
      <Space wrap>
        {steps.map((s) => (
          <Button key={s} type={s === 'close' || (s !== 'assign' && steps.length === 1) ? 'primary' : 'default'} onClick={() => setStep(s)}>
            {TITLES[s]}
          </Button>
        ))}
        {alert.abilities.warningLetter && (
          <Button href={`/api/alerts/${alert.id}/letters/warning`} download>
            预警提示函（致企业）
          </Button>
        )}
        {alert.abilities.adviceLetter && (
          <Button href={`/api/alerts/${alert.id}/letters/advice`} download>
            预警建议书（致主管部门）
          </Button>
        )}
      </Space>
      <Modal title={step ? `${TITLES[step]}预警` : ''} open={!!step} onCancel={() => setStep(null)} onOk={() => form.submit()} okText="提交" cancelText="取消" confirmLoading={run.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={{ assigneeKind: 'coordinator' }}>
          {step === 'assign' ? (
            <>
              <Form.Item name="assigneeKind" label="分派给">
                <Radio.Group options={[{ value: 'coordinator', label: '劳动关系协调员' }, { value: 'street', label: '街道（镇）' }, { value: 'department', label: '职能部门' }]} />
              </Form.Item>
              {kind === 'coordinator' || !kind ? (
                <Form.Item name="userId" label="协调员" rules={[{ required: true, message: '请选择协调员' }]}>
                  <Select showSearch optionFilterProp="label" options={coordinators.data?.items.map((u) => ({ value: u.id, label: u.displayName }))} />
                </Form.Item>
              ) : (
                <Form.Item name="orgUnitId" label={kind === 'street' ? '街道（镇）' : '职能部门'} rules={[{ required: true, message: '请选择' }]}>
                  <Select showSearch optionFilterProp="label" options={units.map((o) => ({ value: o.id, label: o.name }))} />
                </Form.Item>
              )}
              <Form.Item name="note" label="分派说明">
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          ) : step ? (
            <Form.Item name={FIELD[step].name} label={FIELD[step].label} rules={[{ required: true, min: 2, message: `请填写${FIELD[step].label}` }]}>
              <Input.TextArea rows={4} placeholder={FIELD[step].placeholder} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
