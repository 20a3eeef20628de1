import { Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api';
import { FormModal } from '../../rosters/components/form-modal';
import { NOMINATION_STATUS, type Indicator, type Round } from '../labels';

export interface Nomination { id: string; subjectId: string | null; subjectName: string; nominatedBy: string; reason: string; evidence: { title: string; description?: string }[]; status: string; score: number | null; rank: number | null; reviewers: number; tied: boolean; tieBreak: string | null; selected: boolean; myScores: { scores: Record<string, number>; total: number } | null }

export function NominationTable({ round, items, actions }: { round: Round; items: Nomination[]; actions: (n: Nomination) => React.ReactNode }) {
  return (
    <Table<Nomination>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={false}
      expandable={{ expandedRowRender: (n) => <><Typography.Paragraph>{n.reason}</Typography.Paragraph>事迹材料：{n.evidence.map((e) => <Tag key={e.title}>{e.title}</Tag>)}</> }}
      columns={[
        { title: '排名', dataIndex: 'rank', width: 70, render: (v: number | null, n) => (v === null ? '—' : <>{v}{n.tied && <Tag color="purple" style={{ marginLeft: 4 }}>并列</Tag>}</>) },
        { title: '推荐对象', dataIndex: 'subjectName' },
        { title: '推荐单位', dataIndex: 'nominatedBy' },
        { title: '评审人数', dataIndex: 'reviewers', width: 90 },
        { title: '平均得分', dataIndex: 'score', render: (v: number | null, n) => (v === null ? '—' : <>{v}{n.tieBreak && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{n.tieBreak}</Typography.Text>}</>) },
        { title: round.status === 'reviewing' ? `拟入选（名额${round.quota}）` : '状态', render: (_, n) => (round.status === 'reviewing' ? (n.selected ? <Tag color="orange">拟入选</Tag> : '') : <Tag color={NOMINATION_STATUS[n.status]?.color}>{NOMINATION_STATUS[n.status]?.label ?? n.status}</Tag>) },
        { title: '我的评分', render: (_, n) => (n.myScores ? n.myScores.total : '—') },
        { title: '', render: (_, n) => actions(n) },
      ]}
    />
  );
}

export function NominateModal({ round, open, onClose }: { round: Round; open: boolean; onClose: () => void }) {
  const subjects = useQuery({ queryKey: ['award-subjects', round.id], enabled: open && round.kind !== 'social_org', queryFn: () => api.get<{ items: { id: string; name: string }[] }>(`/api/award-rounds/${round.id}/subjects`) });
  const names = new Map(subjects.data?.items.map((s) => [s.id, s.name]));
  return (
    <FormModal title="推荐" open={open} onClose={onClose} invalidate={['award-round', round.id]} submit={({ evidence, subjectId, subjectName, ...v }) => api.post(`/api/award-rounds/${round.id}/nominations`, { ...v, subjectId, subjectName: subjectName ?? names.get(subjectId as string), evidence: String(evidence ?? '').split('\n').map((t) => t.trim()).filter(Boolean).map((title) => ({ title })) })}>
      {round.kind === 'social_org' ? (
        <Form.Item name="subjectName" label="社会组织名称" rules={[{ required: true, message: '请填写推荐对象' }]}><Input /></Form.Item>
      ) : (
        <Form.Item name="subjectId" label="推荐对象" rules={[{ required: true, message: '请选择推荐对象' }]}><Select showSearch optionFilterProp="label" options={subjects.data?.items.map((s) => ({ value: s.id, label: s.name }))} /></Form.Item>
      )}
      <Form.Item name="nominatedBy" label="推荐单位" rules={[{ required: true, message: '请填写推荐单位' }]}><Input /></Form.Item>
      <Form.Item name="reason" label="推荐理由（主要事迹）" rules={[{ required: true, message: '请填写推荐理由' }]}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="evidence" label="事迹材料（每行一项）" rules={[{ required: true, message: '请至少提供一项事迹材料' }]}><Input.TextArea rows={3} placeholder={'年度工作总结\n服务企业评价表'} /></Form.Item>
    </FormModal>
  );
}

export function ScoreModal({ round, nomination, onClose }: { round: Round; nomination: Nomination | null; onClose: () => void }) {
  return (
    <FormModal key={nomination?.id} title={`评审打分：${nomination?.subjectName ?? ''}`} open={!!nomination} onClose={onClose} invalidate={['award-round', round.id]} initialValues={{ scores: nomination?.myScores?.scores }} submit={(v) => api.put(`/api/award-rounds/${round.id}/nominations/${nomination!.id}/scores`, v)}>
      {round.indicators.map((i: Indicator) => (
        <Form.Item key={i.code} name={['scores', i.code]} label={`${i.name}（权重${i.weight}%）`} rules={[{ required: true, message: '请打分' }]}><InputNumber min={0} max={100} addonAfter="分" /></Form.Item>
      ))}
      <Form.Item name="comment" label="评审意见"><Input.TextArea rows={2} /></Form.Item>
    </FormModal>
  );
}
