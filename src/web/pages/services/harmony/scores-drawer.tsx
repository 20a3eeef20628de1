import { useEffect, useState } from 'react';
import { App, Alert, Button, Drawer, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api';
import { HARMONY_STATUS_LABELS, LEVEL_LABELS } from '../labels';

interface Indicator { code: string; category: string; name: string; maxScore: number }
type Scores = Record<string, { score: number; note?: string }>;
export interface Application {
  id: string;
  subjectName: string;
  year: number;
  status: keyof typeof HARMONY_STATUS_LABELS;
  indicatorSet: { name: string; indicators: Indicator[]; maxTotal: number };
  selfScores: Scores;
  selfTotal: number | null;
  reviewScores: Scores | null;
  reviewTotal: number | null;
  reviewComment: string | null;
  suggestedLevel: keyof typeof LEVEL_LABELS | null;
  level: keyof typeof LEVEL_LABELS | null;
  abilities: { selfAssess: boolean; review: boolean; recognise: boolean; reject: boolean };
}

/** Self-assessment (enterprise) or review (official) against the configured indicators. */
export function ScoresDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['harmony-app', id], queryFn: () => api.get<Application>(`/api/harmony/applications/${id}`), enabled: !!id });
  const a = q.data;
  const mode = a?.abilities.selfAssess ? 'self' : a?.abilities.review ? 'review' : 'view';
  useEffect(() => {
    if (a) form.setFieldsValue(Object.fromEntries(Object.entries(mode === 'review' ? (a.reviewScores ?? a.selfScores) : a.selfScores).map(([k, v]) => [k, v.score])));
  }, [a, form, mode]);
  const done = (x: Application) => (qc.setQueryData(['harmony-app', id], x), void qc.invalidateQueries({ queryKey: ['harmony-apps'] }), message.success('已保存'));
  const onError = (e: Error) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field.replace(/^scores\./, ''), errors: [f.message] }))) : message.error(e.message));
  const toScores = (v: Record<string, number | null>): Scores => Object.fromEntries(Object.entries(v).filter(([, s]) => s !== null && s !== undefined).map(([k, s]) => [k, { score: s! }]));
  const self = useMutation({ mutationFn: (submit: boolean) => api.put<Application>(`/api/harmony/applications/${id}/self-assessment`, { scores: toScores(form.getFieldsValue()), submit }), onSuccess: done, onError });
  const review = useMutation({ mutationFn: () => api.post<Application>(`/api/harmony/applications/${id}/review`, { scores: toScores(form.getFieldsValue()) }), onSuccess: done, onError });
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const reject = useMutation({
    mutationFn: () => api.post<Application>(`/api/harmony/applications/${id}/reject`, { reason }),
    onSuccess: (x) => (done(x), setRejecting(false), setReason('')),
    onError: (e: Error) => (e instanceof ApiError && e.fields.length ? setReasonError(e.fields[0]!.message) : message.error(e.message)),
  });
  const recognise = useMutation({ mutationFn: () => api.post<Application>(`/api/harmony/applications/${id}/recognise`, {}), onSuccess: done, onError });
  return (
    <Drawer title={a ? `${a.subjectName} · ${a.year}年度` : ''} open={!!id} onClose={onClose} width={820}>
      {a && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Tag>{HARMONY_STATUS_LABELS[a.status]}</Tag>
            <span>自评 {a.selfTotal ?? '—'} 分</span>
            <span>评审 {a.reviewTotal ?? '—'} 分</span>
            {a.level && <Tag color="gold">{LEVEL_LABELS[a.level]}</Tag>}
          </Space>
          {a.suggestedLevel && a.status === 'reviewed' && <Alert style={{ marginBottom: 12 }} type="info" message={`按评审得分可命名为 ${LEVEL_LABELS[a.suggestedLevel]}`} />}
          <Form form={form} component={false}>
            <Table<Indicator>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={a.indicatorSet.indicators}
              columns={[
                { title: '类别', dataIndex: 'category', width: 100 },
                { title: '指标', dataIndex: 'name' },
                { title: '分值', dataIndex: 'maxScore', width: 60 },
                { title: '自评', width: 80, render: (_, i) => a.selfScores[i.code]?.score ?? '—' },
                {
                  title: mode === 'review' ? '评审得分' : mode === 'self' ? '自评得分' : '评审',
                  width: 120,
                  render: (_, i) =>
                    mode === 'view' ? (a.reviewScores?.[i.code]?.score ?? '—') : (
                      <Form.Item name={i.code} style={{ margin: 0 }}>
                        <InputNumber min={0} max={i.maxScore} />
                      </Form.Item>
                    ),
                },
              ]}
            />
          </Form>
          <Space style={{ marginTop: 16 }}>
            {mode === 'self' && <Button onClick={() => self.mutate(false)}>保存自评</Button>}
            {mode === 'self' && <Button type="primary" onClick={() => self.mutate(true)}>提交评审</Button>}
            {mode === 'review' && <Button type="primary" onClick={() => review.mutate()}>保存评审</Button>}
            {a.abilities.recognise && <Button type="primary" onClick={() => recognise.mutate()} disabled={!a.suggestedLevel}>命名</Button>}
            {a.abilities.reject && <Button danger onClick={() => (setRejecting(true), setReasonError(undefined))}>不予命名</Button>}
          </Space>
          {a.status === 'rejected' && a.reviewComment && <Alert style={{ marginTop: 12 }} type="error" title="不予命名" description={`理由：${a.reviewComment}`} />}
          <Modal title={`不予命名：${a.subjectName}`} open={rejecting} onCancel={() => setRejecting(false)} onOk={() => reject.mutate()} confirmLoading={reject.isPending} okText="确认不予命名" okButtonProps={{ danger: true }} cancelText="取消">
            <Form layout="vertical">
              <Form.Item label="理由（将告知申报单位）" required validateStatus={reasonError ? 'error' : undefined} help={reasonError}>
                <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} aria-label="不予命名理由" />
              </Form.Item>
            </Form>
          </Modal>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>满分 {a.indicatorSet.maxTotal} 分；90分以上 AAA 级、80分以上 AA 级、70分以上 A 级。</Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
