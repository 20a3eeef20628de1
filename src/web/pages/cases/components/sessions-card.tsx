import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../../api';
import { SessionList } from '../../sessions/my-sessions';
import type { SessionSummary } from '../../sessions/types';

interface Values {
  scheduledAt: Dayjs;
  durationMinutes: number;
  mode: 'text' | 'text_video';
  note?: string;
}

/** 在线调解 on the case page: the case's sessions with their room links; the mediator's scheduling dialog. */
export function SessionsCard({ caseId, canSchedule }: { caseId: string; canSchedule: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const q = useQuery({
    queryKey: ['case-sessions', caseId],
    queryFn: () => api.get<{ items: SessionSummary[] }>(`/api/cases/${caseId}/sessions`),
    retry: false,
  });
  if (q.error && (q.error as ApiError).status === 404) return null; // not a room member (e.g. an arbitrator of another region)
  return (
    <Card
      title="在线调解"
      size="small"
      data-testid="sessions-card"
      extra={
        canSchedule && (
          <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="schedule-session">
            预约在线调解
          </Button>
        )
      }
    >
      {(q.data?.items.length ?? 0) === 0 ? '尚未安排在线调解' : <SessionList items={q.data!.items} />}
      <Modal
        open={open}
        title="预约在线调解"
        okText="预约并通知双方"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const v = await form.validateFields();
          setBusy(true);
          try {
            await api.post(`/api/cases/${caseId}/sessions`, {
              scheduledAt: v.scheduledAt.toISOString(),
              durationMinutes: v.durationMinutes,
              mode: v.mode,
              note: v.note || undefined,
            });
            message.success('已预约，双方可在案件进度中看到调解室入口');
            setOpen(false);
            await Promise.all([
              qc.invalidateQueries({ queryKey: ['case-sessions', caseId] }),
              qc.invalidateQueries({ queryKey: ['case', caseId] }),
            ]);
          } catch (e) {
            const err = e as ApiError;
            if (err.fields?.length) form.setFields(err.fields.map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
            else message.error(err.message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ scheduledAt: dayjs().add(1, 'hour').startOf('hour'), durationMinutes: 60, mode: 'text_video' }}
        >
          <Form.Item name="scheduledAt" label="调解时间" rules={[{ required: true, message: '请选择调解时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="session-time" />
          </Form.Item>
          <Form.Item name="durationMinutes" label="预计时长（分钟）">
            <InputNumber min={15} max={480} step={15} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="mode" label="方式">
            <Radio.Group
              options={[
                { value: 'text_video', label: '文字＋视频' },
                { value: 'text', label: '仅文字' },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label="给双方的说明">
            <Input.TextArea rows={2} maxLength={1000} placeholder="例如：请准备工资条、考勤记录等材料" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
