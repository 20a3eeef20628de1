import { App, Button, Checkbox, Drawer, Form, Input, InputNumber, List, Space, Tag, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api';
import { REPORT_STATUS_LABELS, TASK_STATUS_LABELS, type ReportStatus, type TaskStatus } from '../../../../domain/plans/status';

export interface TaskView {
  id: string;
  seq: number;
  title: string;
  measures: string | null;
  overallTarget: string | null;
  sectionId: string;
  startOn: string | null;
  dueOn: string;
  progress: number;
  status: TaskStatus;
  leadUnit: { id: string; name: string };
  partnerUnits: { id: string; name: string }[];
  stages: { id: string; dueOn: string; target: string; doneOn: string | null }[];
  abilities: { report: boolean; approve: boolean };
}
interface ReportView { id: string; unit: { name: string }; period: string; text: string; percent: number; status: ReportStatus; figures: { name: string; value: number; unit: string }[]; attachments: { index: number; name: string }[]; abilities: { review: boolean } }
interface Attachment { key: string; name: string; size: number; contentType: string }

/** A task's progress reports: units file them (text, a figure, attachments); the lead unit reviews them. */
export function ReportDrawer({ task, onClose, planId }: { task: TaskView | null; onClose: () => void; planId: string }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile<Attachment>[]>([]);
  const reports = useQuery({ queryKey: ['reports', task?.id], enabled: !!task, queryFn: () => api.get<{ items: ReportView[] }>(`/api/plan-tasks/${task!.id}/reports`) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['reports', task?.id] });
    void qc.invalidateQueries({ queryKey: ['plan', planId] });
  };
  const submit = useMutation({
    mutationFn: (v: { period: string; text: string; percent: number; claimsDone?: boolean; figureName?: string; figureValue?: number }) =>
      api.post(`/api/plan-tasks/${task!.id}/reports`, {
        period: v.period, text: v.text, percent: v.percent, claimsDone: !!v.claimsDone,
        figures: v.figureName && v.figureValue !== undefined ? [{ name: v.figureName, value: v.figureValue, unit: '' }] : [],
        attachments: files.map((f) => f.response).filter(Boolean),
        requestId: `${task!.id}-${Date.now()}`,
      }),
    onSuccess: () => (message.success('进展已报送'), form.resetFields(), setFiles([]), refresh()),
    onError: (e) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] }))) : message.error((e as Error).message)),
  });
  const review = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'return' }) => api.post(`/api/progress-reports/${id}/review`, { decision, comment: decision === 'return' ? '请补充材料' : '同意' }),
    onSuccess: () => (message.success('已审核'), refresh()),
    onError: (e) => message.error((e as Error).message),
  });
  const upload = async (file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    const a = await api.post<Attachment>(`/api/plan-tasks/${task!.id}/attachments`, fd);
    setFiles((fs) => [...fs, { uid: a.key, name: a.name, status: 'done', response: a }]);
  };
  return (
    <Drawer open={!!task} onClose={onClose} width={560} title={task?.title}>
      {task && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>状态：<Tag>{TASK_STATUS_LABELS[task.status]}</Tag> 时限 {task.dueOn} · 牵头 {task.leadUnit.name}</div>
          {task.measures && <div style={{ color: '#666' }}>{task.measures}</div>}
          <List
            header="进展报告"
            loading={reports.isLoading}
            locale={{ emptyText: '暂无报告' }}
            dataSource={reports.data?.items}
            renderItem={(r) => (
              <List.Item actions={r.abilities.review ? [<Button key="a" size="small" type="primary" onClick={() => review.mutate({ id: r.id, decision: 'approve' })}>通过</Button>, <Button key="r" size="small" onClick={() => review.mutate({ id: r.id, decision: 'return' })}>退回</Button>] : []}>
                <List.Item.Meta title={<>{r.period} · {r.unit.name} · {r.percent}% <Tag>{REPORT_STATUS_LABELS[r.status]}</Tag></>} description={<>{r.text}{r.figures.map((f) => ` ${f.name}：${f.value}${f.unit}`)}{r.attachments.map((a) => <div key={a.index}><a href={`/api/progress-reports/${r.id}/attachments/${a.index}`}>📎 {a.name}</a></div>)}</>} />
              </List.Item>
            )}
          />
          {task.abilities.report && task.status !== 'done' && (
            <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} initialValues={{ percent: task.progress }}>
              <Form.Item name="period" label="报送期" rules={[{ required: true, message: '请填写报送期' }]}><Input placeholder="如 2026-11" /></Form.Item>
              <Form.Item name="text" label="进展情况" rules={[{ required: true, message: '请填写进展情况' }]}><Input.TextArea rows={3} /></Form.Item>
              <Space>
                <Form.Item name="figureName" label="数据项"><Input placeholder="如 培训人次" /></Form.Item>
                <Form.Item name="figureValue" label="数值"><InputNumber /></Form.Item>
                <Form.Item name="percent" label="完成进度（%）" rules={[{ required: true }]}><InputNumber min={0} max={100} /></Form.Item>
              </Space>
              <Form.Item label="附件"><Upload fileList={files} beforeUpload={(f) => (void upload(f).catch((e: Error) => message.error(e.message)), false)} onRemove={(f) => setFiles((fs) => fs.filter((x) => x.uid !== f.uid))}><Button>上传材料</Button></Upload></Form.Item>
              <Form.Item name="claimsDone" valuePropName="checked"><Checkbox>任务已全部完成</Checkbox></Form.Item>
              <Button type="primary" htmlType="submit" loading={submit.isPending}>报送进展</Button>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}
