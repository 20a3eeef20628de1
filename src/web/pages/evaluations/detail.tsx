import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Popconfirm, Radio, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api } from '../../api';
import { LIGHT_LABELS, type Light } from '../../../domain/plans/traffic-light';
import { LIGHT_COLORS } from '../cockpit/components/indicator-card';
import { showError } from '../indicators/components/forms';

interface Score { reviewerId: string; score: number; maxScore: number; comment: string | null }
interface RoundIndicator { id: string; name: string; unit: string; value: number | null; target: number | null; light: Light; scores: Score[]; averagePercent: number | null }
interface RoundDetail {
  id: string; title: string; year: number; status: 'open' | 'closed'; overallPercent: number | null;
  indicators: RoundIndicator[];
  findings: { id: string; severity: 'strength' | 'issue' | 'suggestion'; text: string; createdAt: string }[];
  abilities: { score: boolean; close: boolean };
}
const SEVERITY = { strength: ['亮点', 'green'], issue: ['问题', 'red'], suggestion: ['建议', 'blue'] } as const;

async function download(url: string, name: string) {
  const blob = await api.get<Blob>(url);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** One evaluation round: the indicators with actual and target, reviewers' scores, findings, closing and the summary report. */
export function EvaluationDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [scoring, setScoring] = useState<RoundIndicator | null>(null);
  const [scoreForm] = Form.useForm();
  const [findingForm] = Form.useForm();
  const q = useQuery({ queryKey: ['evaluation', id], queryFn: () => api.get<RoundDetail>(`/api/evaluations/${id}`) });
  const set = (r: RoundDetail) => qc.setQueryData(['evaluation', id], r);
  const score = useMutation({
    mutationFn: (v: { score: number; maxScore: number; comment?: string }) => api.post<RoundDetail>(`/api/evaluations/${id}/scores`, { indicatorId: scoring!.id, ...v }),
    onSuccess: (r) => (message.success('评分已保存'), set(r), setScoring(null)),
    onError: (e) => showError(scoreForm, message, e),
  });
  const finding = useMutation({
    mutationFn: (v: { severity: string; text: string }) => api.post<RoundDetail>(`/api/evaluations/${id}/findings`, v),
    onSuccess: (r) => (message.success('意见已提交'), set(r), findingForm.resetFields()),
    onError: (e) => showError(findingForm, message, e),
  });
  const close = useMutation({ mutationFn: () => api.post<RoundDetail>(`/api/evaluations/${id}/close`), onSuccess: (r) => (message.success('评估已结束'), set(r), void qc.invalidateQueries({ queryKey: ['evaluations'] })), onError: (e) => message.error((e as Error).message) });
  const r = q.data;
  return (
    <Card
      loading={q.isLoading}
      title={r?.title}
      extra={r && (
        <Space>
          <Button onClick={() => void download(`/api/evaluations/${id}/summary.docx`, `${r.title}-评估总结报告.docx`).catch((e: Error) => message.error(e.message))}>下载总结报告</Button>
          {r.abilities.close && <Popconfirm title="结束后不能再评分或提出意见，确定结束？" onConfirm={() => close.mutate()}><Button danger>结束评估</Button></Popconfirm>}
        </Space>
      )}
    >
      {r && (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="年度">{r.year}</Descriptions.Item>
            <Descriptions.Item label="状态">{r.status === 'open' ? <Tag color="blue">评估中</Tag> : <Tag>已结束</Tag>}</Descriptions.Item>
            <Descriptions.Item label="综合得分率">{r.overallPercent === null ? '尚未评分' : `${r.overallPercent}%`}</Descriptions.Item>
          </Descriptions>
          <Table<RoundIndicator>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={r.indicators}
            locale={{ emptyText: <Empty description="本次评估没有指标" /> }}
            columns={[
              { title: '指标', dataIndex: 'name' },
              { title: '实际', width: 100, render: (_, i) => (i.value === null ? '—' : `${i.value}${i.unit}`) },
              { title: '目标', width: 100, render: (_, i) => (i.target === null ? '—' : `${i.target}${i.unit}`) },
              { title: '状态', width: 80, render: (_, i) => <Tag color={LIGHT_COLORS[i.light]}>{LIGHT_LABELS[i.light]}</Tag> },
              { title: '评分', render: (_, i) => (i.scores.length ? i.scores.map((s) => `${s.score}/${s.maxScore}`).join('，') : <span style={{ color: '#999' }}>未评分</span>) },
              { title: '得分率', width: 90, render: (_, i) => (i.averagePercent === null ? '—' : `${i.averagePercent}%`) },
              ...(r.abilities.score ? [{ title: '操作', width: 80, render: (_: unknown, i: RoundIndicator) => <Button size="small" onClick={() => setScoring(i)} data-testid={`score-${i.id}`}>评分</Button> }] : []),
            ]}
          />
          <List
            style={{ marginTop: 16 }}
            header={<b>评估意见</b>}
            dataSource={r.findings}
            locale={{ emptyText: '暂无评估意见' }}
            renderItem={(f) => <List.Item><Tag color={SEVERITY[f.severity][1]}>{SEVERITY[f.severity][0]}</Tag>{f.text}</List.Item>}
          />
          {r.abilities.score && (
            <Form form={findingForm} layout="vertical" onFinish={(v) => finding.mutate(v)} initialValues={{ severity: 'issue' }} style={{ marginTop: 8 }}>
              <Form.Item name="severity" label="意见类型"><Radio.Group options={[{ value: 'strength', label: '亮点' }, { value: 'issue', label: '问题' }, { value: 'suggestion', label: '建议' }]} /></Form.Item>
              <Form.Item name="text" label="意见内容" rules={[{ required: true, message: '请填写评估意见' }, { min: 5, message: '评估意见至少5个字' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
              <Button type="primary" htmlType="submit" loading={finding.isPending}>提交意见</Button>
            </Form>
          )}
        </>
      )}
      <Modal open={!!scoring} title={`评分：${scoring?.name ?? ''}`} onCancel={() => setScoring(null)} onOk={() => scoreForm.submit()} okText="保存评分" confirmLoading={score.isPending} destroyOnHidden>
        <Form form={scoreForm} layout="vertical" preserve={false} initialValues={{ maxScore: 10 }} onFinish={(v) => score.mutate(v)}>
          <Space>
            <Form.Item name="score" label="得分" rules={[{ required: true, message: '请填写得分' }, { type: 'number', min: 0, message: '得分不能为负' }]}><InputNumber /></Form.Item>
            <Form.Item name="maxScore" label="满分" rules={[{ required: true, message: '请填写满分' }, { type: 'number', min: 0.1, message: '满分须大于0' }]}><InputNumber /></Form.Item>
          </Space>
          <Form.Item name="comment" label="评语"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
