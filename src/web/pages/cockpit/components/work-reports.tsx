import { App, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import { REPORT_KIND_LABELS, type ReportKind } from '../../../../domain/plans/periods';

interface WorkReport { id: string; title: string; kind: ReportKind; period: string; trigger: string; createdAt: string }

/** Periodic work reports: generated on schedule, or now on demand. */
export function WorkReports() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['work-reports'], queryFn: () => api.get<{ items: WorkReport[] }>('/api/work-reports') });
  const gen = useMutation({
    mutationFn: (v: { kind: ReportKind; period: string }) => api.post<WorkReport>('/api/work-reports', v),
    onSuccess: (r) => (message.success(`已生成${r.title}`), void qc.invalidateQueries({ queryKey: ['work-reports'] })),
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Card title="统计分析与信息通报（工作报告）" size="small" style={{ marginTop: 16 }}>
      <Form layout="inline" onFinish={(v: { kind: ReportKind; period: string }) => gen.mutate(v)} initialValues={{ kind: 'monthly' }} style={{ marginBottom: 12 }}>
        <Form.Item name="kind"><Select style={{ width: 100 }} options={Object.entries(REPORT_KIND_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="period" rules={[{ required: true, message: '请填写统计期' }]}><Input placeholder="2026-10 / 2026-Q3 / 2025" /></Form.Item>
        <Space><Button htmlType="submit" type="primary" loading={gen.isPending}>生成报告</Button></Space>
      </Form>
      <Table rowKey="id" size="small" loading={q.isLoading} dataSource={q.data?.items} pagination={{ pageSize: 5 }} columns={[
        { title: '报告', dataIndex: 'title', render: (v: string, r) => <a href={`/api/work-reports/${r.id}/file`}>{v}</a> },
        { title: '类型', dataIndex: 'kind', render: (k: ReportKind) => REPORT_KIND_LABELS[k] },
        { title: '方式', dataIndex: 'trigger', render: (t: string) => (t === 'schedule' ? '定时生成' : '手动生成') },
        { title: '生成时间', dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
      ]} />
    </Card>
  );
}
