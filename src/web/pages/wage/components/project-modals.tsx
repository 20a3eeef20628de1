import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, qs } from '../../../api';
import { FormModal } from '../../../components/form-modal';
import type { Project } from '../types';

const date = (v: unknown) => (v ? (v as dayjs.Dayjs).format('YYYY-MM-DD') : undefined);

/** 登记工程项目 (create) or 更新专用账户/保证金/实名制 (edit). */
export function ProjectModal({ open, project, onClose, onDone }: { open: boolean; project: Project | null; onClose: () => void; onDone: () => void }) {
  const [entQ, setEntQ] = useState('');
  const ents = useQuery({ queryKey: ['wage-ent-search', entQ], enabled: open && !project, queryFn: () => api.get<{ items: { id: string; name: string }[] }>(`/api/enterprises${qs({ q: entQ, pageSize: 20 })}`) });
  const toBody = (v: Record<string, unknown>) => ({ ...v, startOn: date(v.startOn), endOn: date(v.endOn), wageAccountOpenedOn: date(v.wageAccountOpenedOn), guaranteeOn: date(v.guaranteeOn) });
  const initial = project
    ? { builderName: project.builderName, payDay: project.payDay, realNameWorkers: project.realNameWorkers, laborManager: project.laborManager ?? undefined, infoBoard: project.infoBoard, wageAccountBank: project.wageAccount?.bank ?? undefined, wageAccountNo: project.wageAccount?.accountNo, wageAccountOpenedOn: project.wageAccount?.openedOn ? dayjs(project.wageAccount.openedOn) : undefined, guaranteeForm: project.guarantee?.form, guaranteeAmount: project.guarantee?.amount ?? undefined, guaranteeOn: project.guarantee?.on ? dayjs(project.guarantee.on) : undefined }
    : { payDay: 15, realNameWorkers: 0, infoBoard: false };
  return (
    <FormModal title={project ? `更新项目：${project.name}` : '登记工程项目'} open={open} onClose={onClose} onDone={onDone} width={720} submit={(b) => (project ? api.patch(`/api/wage/projects/${project.id}`, b) : api.post('/api/wage/projects', b))} toBody={toBody} initialValues={initial}>
      {!project && (
        <>
          <Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="contractorEnterpriseId" label="施工总承包单位" rules={[{ required: true, message: '请选择施工总承包单位' }]}>
            <Select showSearch filterOption={false} onSearch={setEntQ} options={ents.data?.items.map((e) => ({ value: e.id, label: e.name }))} />
          </Form.Item>
          <Form.Item name="startOn" label="开工日期" rules={[{ required: true, message: '请选择开工日期' }]}><DatePicker /></Form.Item>
        </>
      )}
      <Space wrap>
        <Form.Item name="builderName" label="建设单位" rules={[{ required: true, message: '请填写建设单位' }]}><Input maxLength={100} style={{ width: 240 }} /></Form.Item>
        <Form.Item name="payDay" label="每月工资支付日"><InputNumber min={1} max={31} /></Form.Item>
        <Form.Item name="realNameWorkers" label="实名登记人数（第二十八条）"><InputNumber min={0} /></Form.Item>
        <Form.Item name="laborManager" label="劳资专管员"><Input maxLength={30} /></Form.Item>
        <Form.Item name="infoBoard" label="维权信息告示牌（第三十四条）" valuePropName="checked"><Switch /></Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="wageAccountBank" label="工资专用账户开户行（第二十六条）"><Input maxLength={60} /></Form.Item>
        <Form.Item name="wageAccountNo" label="账号"><Input maxLength={40} /></Form.Item>
        <Form.Item name="wageAccountOpenedOn" label="开户日期"><DatePicker /></Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="guaranteeForm" label="工资保证金（第三十二条）"><Select allowClear style={{ width: 160 }} options={[{ value: 'deposit', label: '现金存储' }, { value: 'bank_guarantee', label: '金融机构保函' }, { value: 'exempt', label: '依规减免' }]} /></Form.Item>
        <Form.Item name="guaranteeAmount" label="金额（元）"><InputNumber min={0} style={{ width: 160 }} /></Form.Item>
        <Form.Item name="guaranteeOn" label="存储日期"><DatePicker /></Form.Item>
      </Space>
    </FormModal>
  );
}

/** 按月工资支付确认 */
export function PayrollModal({ project, onClose, onDone }: { project: Project | null; onClose: () => void; onDone: () => void }) {
  return (
    <FormModal
      title={`确认月度工资支付：${project?.name ?? ''}`}
      open={!!project}
      onClose={onClose}
      onDone={onDone}
      submit={(b) => api.post(`/api/wage/projects/${project!.id}/payrolls`, b)}
      toBody={(v: Record<string, unknown>) => ({ ...v, paidOn: date(v.paidOn) })}
      initialValues={{ month: project?.missingPayrolls[0]?.month, workersPaid: project?.realNameWorkers || undefined }}
    >
      <Space wrap>
        <Form.Item name="month" label="工资所属月份（YYYY-MM）" rules={[{ required: true, message: '请填写月份' }]}><Input maxLength={7} style={{ width: 120 }} /></Form.Item>
        <Form.Item name="workersPaid" label="发放人数" rules={[{ required: true, message: '请填写发放人数' }]}><InputNumber min={1} /></Form.Item>
        <Form.Item name="amount" label="发放金额（元）" rules={[{ required: true, message: '请填写发放金额' }]}><InputNumber min={0} style={{ width: 160 }} /></Form.Item>
        <Form.Item name="paidOn" label="发放日期" rules={[{ required: true, message: '请选择发放日期' }]}><DatePicker /></Form.Item>
      </Space>
    </FormModal>
  );
}
