import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from './components/form-modal';

interface Group { code: string; name: string; weight: number }
interface Row { id: string; orgId: string; orgName: string; year: number; status: string; score: number | null; groupMeans: Record<string, number>; reviewers: number; passes: boolean; reasons: string[]; nationalRecommendedOn: string | null }
interface List { groups: Group[]; passScore: number; orgs: { id: string; name: string; standardizedOn: string | null }[]; items: Row[] }
const STATUS: Record<string, { label: string; color?: string }> = { scoring: { label: '评审中', color: 'blue' }, recognised: { label: '认定为规范化', color: 'gold' }, not_recognised: { label: '不予认定' } };

/** 调解组织规范化建设评估: reviewers score the four indicator groups; the yearly recognition sets standardized_on. */
export function MediationAssessmentsPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [starting, setStarting] = useState(false);
  const [scoring, setScoring] = useState<Row | null>(null);
  const [recommending, setRecommending] = useState<Row | null>(null);
  const list = useQuery({ queryKey: ['mediation-assessments'], queryFn: () => api.get<List>('/api/mediation-assessments') });
  const decide = useMutation({
    mutationFn: ({ id, recognise }: { id: string; recognise: boolean }) => api.post(`/api/mediation-assessments/${id}/decide`, { recognise }),
    onSuccess: () => (message.success('已认定'), void qc.invalidateQueries({ queryKey: ['mediation-assessments'] })),
    onError: (e) => message.error((e as Error).message),
  });
  const groups = list.data?.groups ?? [];
  const manage = !!me?.abilities['mediationAssessment.manage'];
  return (
    <Card title="调解组织规范化建设评估" extra={manage && <Button type="primary" onClick={() => setStarting(true)}>启动评估</Button>}>
      <Typography.Paragraph type="secondary">按工作基础、制度机制、办案能力、服务水平四类指标评审打分（各0–100分，权重各25%）；平均总分不低于{list.data?.passScore ?? 80}分且每类不低于60分的，可认定为规范化调解组织。</Typography.Paragraph>
      <Table<Row>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: '调解组织', dataIndex: 'orgName', render: (v: string, r) => <Link to={`/mediation-orgs/${r.orgId}`} target="_blank">{v}</Link> },
          { title: '年度', dataIndex: 'year', width: 70 },
          ...groups.map((g) => ({ title: g.name, render: (_: unknown, r: Row) => r.groupMeans[g.code] ?? '—' })),
          { title: '总分', dataIndex: 'score', render: (v: number | null, r) => (v === null ? '—' : <>{v}（{r.reviewers}人评审）</>) },
          { title: '状态', dataIndex: 'status', render: (v: string, r) => (v === 'scoring' && r.reasons.length ? <><Tag color="blue">评审中</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.reasons.join('；')}</Typography.Text></> : <Tag color={STATUS[v]?.color}>{STATUS[v]?.label}</Tag>) },
          {
            title: '',
            render: (_, r) => r.status === 'recognised' ? (
              r.nationalRecommendedOn ? <Tag color="gold">{r.nationalRecommendedOn} 已推荐全国金牌</Tag> : manage && <Button size="small" data-testid="recommend-national" onClick={() => setRecommending(r)}>推荐全国金牌</Button>
            ) : r.status === 'scoring' && (
              <Space>
                {me?.abilities['mediationAssessment.score'] && <Button size="small" onClick={() => setScoring(r)}>打分</Button>}
                {manage && r.passes && <Popconfirm title="认定为规范化调解组织？" onConfirm={() => decide.mutate({ id: r.id, recognise: true })}><Button size="small" type="primary">认定</Button></Popconfirm>}
                {manage && r.reviewers > 0 && <Popconfirm title="不予认定？" onConfirm={() => decide.mutate({ id: r.id, recognise: false })}><Button size="small">不予认定</Button></Popconfirm>}
              </Space>
            ),
          },
        ]}
      />
      <FormModal key={`rec-${recommending?.id}`} title={`推荐参评全国金牌调解组织：${recommending?.orgName ?? ''}`} open={!!recommending} onClose={() => setRecommending(null)} invalidate={['mediation-assessments']} submit={(v) => api.post(`/api/mediation-assessments/${recommending!.id}/recommend-national`, v)}>
        <Form.Item name="note" label="推荐理由" rules={[{ required: true, message: '请写明推荐理由' }, { min: 10, message: '推荐理由至少10个字' }]}><Input.TextArea rows={4} placeholder="规范化建设成效、办案数量与调解成功率、典型经验等" /></Form.Item>
      </FormModal>
      <FormModal title="启动年度规范化评估" open={starting} onClose={() => setStarting(false)} invalidate={['mediation-assessments']} initialValues={{ year: new Date().getFullYear() }} submit={(v) => api.post('/api/mediation-assessments', v)}>
        <Form.Item name="orgId" label="调解组织" rules={[{ required: true, message: '请选择调解组织' }]}><Select showSearch optionFilterProp="label" options={list.data?.orgs.map((o) => ({ value: o.id, label: `${o.name}${o.standardizedOn ? '（已规范化）' : ''}` }))} /></Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
      </FormModal>
      <FormModal key={scoring?.id} title={`评审打分：${scoring?.orgName ?? ''}`} open={!!scoring} onClose={() => setScoring(null)} invalidate={['mediation-assessments']} submit={(v) => api.put(`/api/mediation-assessments/${scoring!.id}/scores`, v)}>
        {groups.map((g) => <Form.Item key={g.code} name={['scores', g.code]} label={g.name} rules={[{ required: true, message: '请打分' }]}><InputNumber min={0} max={100} addonAfter="分" /></Form.Item>)}
        <Form.Item name="comment" label="评审意见"><Input.TextArea rows={2} /></Form.Item>
      </FormModal>
    </Card>
  );
}
