import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api';
import type { PlanView } from '../detail';
import type { TaskView } from './report-drawer';

/** What the plan editor is doing: basic info, a section (new or existing), a task (new in a section, or existing). */
export type EditTarget =
  | { kind: 'plan' }
  | { kind: 'section'; section?: PlanView['sections'][number] }
  | { kind: 'task'; sectionId: string; task?: TaskView };

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const parse = (s: string | null | undefined) => (s ? dayjs(s) : undefined);

/** Saves with the plan version shown; a 409 (someone else edited) reloads the plan and says so. */
export function PlanEditModal({ plan, target, onClose }: { plan: PlanView; target: EditTarget | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const units = useQuery({ queryKey: ['org-units'], enabled: target?.kind === 'task', queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/org-units') });
  const save = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      const version = plan.version;
      if (target?.kind === 'plan') return api.patch(`/api/plans/${plan.id}`, { version, title: v.title, issuer: v.issuer || null, startYear: v.startYear, endYear: v.endYear });
      if (target?.kind === 'section') {
        const body = { version, title: v.title, objective: v.objective || undefined };
        return target.section ? api.patch(`/api/plan-sections/${target.section.id}`, body) : api.post(`/api/plans/${plan.id}/sections`, body);
      }
      const stages = ((v.stages as { id?: string; dueOn: Dayjs; target: string }[] | undefined) ?? []).map((s) => ({ id: s.id, dueOn: day(s.dueOn), target: s.target }));
      const body = { version, title: v.title, measures: v.measures || undefined, overallTarget: v.overallTarget || undefined, leadUnitId: v.leadUnitId, partnerUnitIds: v.partnerUnitIds ?? [], startOn: day(v.startOn as Dayjs), dueOn: day(v.dueOn as Dayjs), stages };
      return target?.kind === 'task' && target.task ? api.patch(`/api/plan-tasks/${target.task.id}`, body) : api.post(`/api/plans/${plan.id}/tasks`, { ...body, sectionId: target!.kind === 'task' ? target!.sectionId : '' });
    },
    onSuccess: (p) => (qc.setQueryData(['plan', plan.id], p), message.success('方案已更新'), onClose()),
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        void qc.invalidateQueries({ queryKey: ['plan', plan.id] });
        message.error(e.message);
      } else if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)), errors: [f.message] })));
      else message.error((e as Error).message);
    },
  });
  const t = target?.kind === 'task' ? target.task : undefined;
  const initial =
    target?.kind === 'plan' ? { title: plan.title, issuer: plan.issuer, startYear: plan.startYear, endYear: plan.endYear }
    : target?.kind === 'section' ? { title: target.section?.title, objective: target.section?.objective }
    : t ? { title: t.title, measures: t.measures, overallTarget: t.overallTarget, leadUnitId: t.leadUnit.id, partnerUnitIds: t.partnerUnits.map((u) => u.id), startOn: parse(t.startOn), dueOn: parse(t.dueOn), stages: t.stages.map((s) => ({ id: s.id, dueOn: parse(s.dueOn), target: s.target })) }
    : { partnerUnitIds: [], stages: [] };
  const title = target?.kind === 'plan' ? '编辑方案' : target?.kind === 'section' ? (target.section ? '编辑重点任务' : '新增重点任务') : t ? '编辑具体措施' : '新增具体措施';
  const unitOptions = units.data?.items.map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal open={!!target} title={title} width={target?.kind === 'task' ? 720 : 520} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={initial} onFinish={(v) => save.mutate(v)}>
        {target?.kind === 'plan' && (
          <>
            <Form.Item name="title" label="方案名称" rules={[{ required: true, message: '请填写方案名称' }, { min: 2, message: '请填写方案名称' }]}><Input /></Form.Item>
            <Form.Item name="issuer" label="制发单位"><Input /></Form.Item>
            <Space>
              <Form.Item name="startYear" label="开始年份" rules={[{ required: true, message: '请填写开始年份' }]}><InputNumber min={2000} max={2100} /></Form.Item>
              <Form.Item name="endYear" label="结束年份" rules={[{ required: true, message: '请填写结束年份' }]}><InputNumber min={2000} max={2100} /></Form.Item>
            </Space>
          </>
        )}
        {target?.kind === 'section' && (
          <>
            <Form.Item name="title" label="重点任务" rules={[{ required: true, message: '请填写重点任务' }]}><Input /></Form.Item>
            <Form.Item name="objective" label="总体目标"><Input.TextArea rows={3} /></Form.Item>
          </>
        )}
        {target?.kind === 'task' && (
          <>
            <Form.Item name="title" label="具体措施" rules={[{ required: true, message: '请填写任务名称' }]}><Input /></Form.Item>
            <Form.Item name="measures" label="措施内容"><Input.TextArea rows={3} /></Form.Item>
            <Form.Item name="overallTarget" label="总体目标"><Input /></Form.Item>
            <Space style={{ width: '100%' }} align="start">
              <Form.Item name="leadUnitId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]} style={{ width: 240 }}><Select showSearch optionFilterProp="label" options={unitOptions} loading={units.isLoading} /></Form.Item>
              <Form.Item name="partnerUnitIds" label="配合单位" style={{ width: 420 }}><Select mode="multiple" optionFilterProp="label" options={unitOptions} /></Form.Item>
            </Space>
            <Space>
              <Form.Item name="startOn" label="开始日期"><DatePicker /></Form.Item>
              <Form.Item name="dueOn" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}><DatePicker /></Form.Item>
            </Space>
            <Form.List name="stages">
              {(fields, { add, remove }) => (
                <>
                  <div style={{ marginBottom: 8 }}>阶段性目标</div>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                      <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请选择阶段时限' }]}><DatePicker placeholder="阶段时限" /></Form.Item>
                      <Form.Item name={[f.name, 'target']} rules={[{ required: true, message: '请填写阶段性目标' }]} style={{ width: 400 }}><Input placeholder="阶段性目标" /></Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>添加阶段</Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
    </Modal>
  );
}
