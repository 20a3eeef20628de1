import { App, Button, Drawer, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { INDUSTRY_SECTIONS, SIZE_CLASSES } from '../../../../domain/enterprise/industries';
import { api, ApiError } from '../../../api';
import type { EnterpriseDetail } from '../types';

/** Edits the fields the server says this user may edit (abilities.updateFields). */
export function EditDrawer({ e, open, onClose }: { e: EnterpriseDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const all = e.abilities.updateFields === 'all';
  const may = (f: string) => all || (e.abilities.updateFields as string[]).includes(f);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const body: Record<string, unknown> = { version: e.version };
      for (const [k, val] of Object.entries(v)) if (may(k) && val !== undefined && !(k === 'contactPhone' && typeof val === 'string' && val.includes('*'))) body[k] = val === '' ? null : val;
      if (typeof body.contractSigningRate === 'number') body.contractSigningRate = body.contractSigningRate / 100;
      return api.patch(`/api/enterprises/${e.id}`, body);
    },
    onSuccess: () => {
      message.success('已保存');
      onClose();
      void qc.invalidateQueries({ queryKey: ['enterprise', e.id] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length) form.setFields(err.fields.map((f) => ({ name: f.field, errors: [f.message] })));
      else message.error((err as Error).message);
    },
  });
  const coordinators = useQuery({
    queryKey: ['coordinators'],
    enabled: e.abilities.assignCoordinator,
    queryFn: () => api.get<{ items: { id: string; displayName: string }[] }>('/api/enterprises/coordinators'),
  });
  const initial = { ...e, contractSigningRate: e.contractSigningRate != null ? Math.round(e.contractSigningRate * 1000) / 10 : null };
  return (
    <Drawer title="编辑企业信息" width={480} open={open} onClose={onClose} destroyOnHidden extra={<Button type="primary" loading={save.isPending} onClick={() => form.submit()}>保存</Button>}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        {may('name') && (
          <Form.Item name="name" label="企业名称" rules={[{ required: true, message: '请输入企业名称' }]}>
            <Input />
          </Form.Item>
        )}
        {may('legalRepresentative') && <Form.Item name="legalRepresentative" label="法定代表人"><Input /></Form.Item>}
        {may('address') && <Form.Item name="address" label="地址"><Input /></Form.Item>}
        {may('industryCode') && (
          <Form.Item name="industryCode" label="行业">
            <Select options={Object.entries(INDUSTRY_SECTIONS).map(([k, v]) => ({ value: k, label: `${k} ${v}` }))} />
          </Form.Item>
        )}
        {may('sizeClass') && <Form.Item name="sizeClass" label="企业规模"><Select options={Object.entries(SIZE_CLASSES).map(([value, label]) => ({ value, label }))} /></Form.Item>}
        {may('headcount') && <Form.Item name="headcount" label="职工人数（保存后记入人数历史）"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>}
        {may('contractSigningRate') && <Form.Item name="contractSigningRate" label="劳动合同签订率（%）"><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item>}
        {may('isKey') && <Form.Item name="isKey" label="重点企业" valuePropName="checked"><Switch /></Form.Item>}
        {may('unionEstablished') && <Form.Item name="unionEstablished" label="已建工会" valuePropName="checked"><Switch /></Form.Item>}
        {may('unionChair') && <Form.Item name="unionChair" label="工会主席"><Input /></Form.Item>}
        {may('unionMembers') && <Form.Item name="unionMembers" label="工会会员数"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>}
        {e.abilities.assignCoordinator && (
          <Form.Item name="coordinatorUserId" label="劳动关系协调员">
            <Select allowClear options={coordinators.data?.items.map((c) => ({ value: c.id, label: c.displayName }))} />
          </Form.Item>
        )}
        {may('contactName') && <Form.Item name="contactName" label="联系人"><Input /></Form.Item>}
        {may('contactPhone') && <Form.Item name="contactPhone" label="联系电话" extra="显示为打码号码时不修改"><Input /></Form.Item>}
      </Form>
    </Drawer>
  );
}
