import { useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, List, Radio, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api';
import { Citations } from '../components/citations';
import { SEVERITY_COLORS, SEVERITY_LABELS } from '../labels';

interface Question {
  id: string;
  section: string;
  text: string;
  kind: 'yesno' | 'number' | 'choice';
  unit?: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
  when?: { id: string; equals: string | boolean };
}
interface Finding {
  ruleId: string;
  severity: 'high' | 'medium' | 'low';
  title: string;
  citations: { law: string; article: string }[];
  advice: string;
}
interface Submission {
  id: string;
  submittedAt: string;
  score: number;
  counts: { high: number; medium: number; low: number };
  report: { findings: Finding[]; minimumMonthlyWage: number };
  visit: { status: string; message: string | null } | null;
  abilities: { respondVisit: boolean };
}

function Report({ s }: { s: Submission }) {
  const qc = useQueryClient();
  const respond = useMutation({
    mutationFn: (accept: boolean) => api.post(`/api/self-check/submissions/${s.id}/visit-response`, { accept }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['self-check'] }),
  });
  return (
    <Card title="体检报告" data-testid="self-check-report" style={{ marginBottom: 16 }}>
      <Space size="large" style={{ marginBottom: 16 }}>
        <Statistic title="体检得分" value={s.score} suffix="/ 100" />
        <Statistic title="高风险" value={s.counts.high} valueStyle={{ color: '#cf1322' }} />
        <Statistic title="中风险" value={s.counts.medium} valueStyle={{ color: '#d46b08' }} />
      </Space>
      {s.visit?.status === 'offered' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="人社部门提供上门指导"
          description={s.visit.message}
          action={
            <Space>
              <Button size="small" type="primary" onClick={() => respond.mutate(true)}>接受</Button>
              <Button size="small" onClick={() => respond.mutate(false)}>暂不需要</Button>
            </Space>
          }
        />
      )}
      {s.report.findings.length === 0 ? (
        <Alert type="success" showIcon message="未发现用工风险，请继续保持规范用工。" />
      ) : (
        <List
          dataSource={s.report.findings}
          renderItem={(f) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space>
                    <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
                    {f.title}
                  </Space>
                }
                description={
                  <>
                    <div>
                      依据：<Citations items={f.citations} />
                    </div>
                    <div style={{ marginTop: 4 }}>整改建议：{f.advice}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function SelfCheckPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [current, setCurrent] = useState<string | null>(null);
  const questionnaire = useQuery({ queryKey: ['self-check', 'q'], queryFn: () => api.get<{ sections: string[]; questions: Question[]; minimumMonthlyWage: number }>('/api/self-check/questionnaire') });
  const history = useQuery({ queryKey: ['self-check', 'mine'], queryFn: () => api.get<{ items: { id: string; submittedAt: string; score: number; counts: Submission['counts']; visitStatus: string | null }[] }>('/api/self-check/submissions') });
  const shownId = current ?? history.data?.items[0]?.id ?? null;
  const report = useQuery({ queryKey: ['self-check', 'report', shownId], queryFn: () => api.get<Submission>(`/api/self-check/submissions/${shownId}`), enabled: !!shownId });
  const submit = useMutation({
    mutationFn: (answers: Record<string, unknown>) => api.post<Submission>('/api/self-check/submissions', { answers }),
    onSuccess: (s) => {
      message.success('体检完成，已生成报告');
      setCurrent(s.id);
      void qc.invalidateQueries({ queryKey: ['self-check'] });
      window.scrollTo({ top: 0 });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field.replace(/^answers\./, ''), errors: [f.message] })));
      message.error((e as Error).message);
    },
  });
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const qs = questionnaire.data;
  return (
    <div>
      <Typography.Title level={3}>企业劳动用工体检</Typography.Title>
      {report.data && <Report s={report.data} />}
      <Card title="体检问卷" extra={qs && <Typography.Text type="secondary">当地月最低工资标准：{qs.minimumMonthlyWage} 元</Typography.Text>}>
        <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)))}>
          {qs?.sections.map((sec) => (
            <div key={sec}>
              <Typography.Title level={5}>{sec}</Typography.Title>
              {qs.questions
                .filter((q) => q.section === sec && (!q.when || values?.[q.when.id] === q.when.equals))
                .map((q) => (
                  <Form.Item key={q.id} name={q.id} label={q.text} rules={[{ required: true, message: '请回答此问题' }]} data-testid={`q-${q.id}`}>
                    {q.kind === 'yesno' ? (
                      <Radio.Group options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
                    ) : q.kind === 'choice' ? (
                      <Radio.Group options={q.options} />
                    ) : (
                      <InputNumber min={q.min} max={q.max} addonAfter={q.unit} style={{ width: 200 }} />
                    )}
                  </Form.Item>
                ))}
            </div>
          ))}
          <Button type="primary" htmlType="submit" loading={submit.isPending}>提交体检</Button>
        </Form>
      </Card>
      <Card title="历次体检" style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          dataSource={history.data?.items}
          pagination={false}
          columns={[
            { title: '时间', dataIndex: 'submittedAt', render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
            { title: '得分', dataIndex: 'score' },
            { title: '高/中风险', render: (_, r) => `${r.counts.high} / ${r.counts.medium}` },
            { title: '上门指导', dataIndex: 'visitStatus', render: (v: string | null) => ({ offered: '待答复', accepted: '已接受', declined: '已谢绝' })[v ?? ''] ?? '—' },
            { title: '', render: (_, r) => <Button size="small" onClick={() => setCurrent(r.id)}>查看报告</Button> },
          ]}
        />
      </Card>
    </div>
  );
}
