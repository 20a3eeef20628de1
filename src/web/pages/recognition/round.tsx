import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from '../rosters/components/form-modal';
import { NominateModal, NominationTable, ScoreModal, type Nomination } from './components/nominations';
import { STATUS_LABELS, STATUS_STEPS, type Round } from './labels';

interface Objection { id: string; nominationId: string; receivedOn: string; submitter: string | null; content: string; status: string; resolution: string | null }
type Detail = Round & { nominations: Nomination[]; objections: Objection[] };
const NEXT: Record<string, string> = { nominating: 'reviewing', reviewing: 'notice', notice: 'announced' };
const NEXT_LABEL: Record<string, string> = { nominating: '截止推荐，进入评审', reviewing: '确定排名，开始公示', notice: '公示期满，正式公布' };

export function RoundPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [nominating, setNominating] = useState(false);
  const [scoring, setScoring] = useState<Nomination | null>(null);
  const [objecting, setObjecting] = useState(false);
  const [resolving, setResolving] = useState<Objection | null>(null);
  const d = useQuery({ queryKey: ['award-round', id], queryFn: () => api.get<Detail>(`/api/award-rounds/${id}`) });
  const advance = useMutation({
    mutationFn: (to: string) => api.post(`/api/award-rounds/${id}/advance`, { to }),
    onSuccess: () => (message.success('已进入下一阶段'), void qc.invalidateQueries({ queryKey: ['award-round', id] })),
    onError: (e) => message.error((e as Error).message),
  });
  const r = d.data;
  const manage = !!me?.abilities['award.manage'];
  const names = new Map(r?.nominations.map((n) => [n.id, n.subjectName]));
  return (
    <Card title={r?.title ?? '评选'} loading={d.isLoading} extra={<Link to="/recognition">返回评选列表</Link>}>
      {r && (
        <>
          <Steps size="small" current={STATUS_STEPS.indexOf(r.status as never)} items={STATUS_STEPS.map((s) => ({ title: STATUS_LABELS[s] }))} style={{ marginBottom: 16 }} />
          {r.status === 'notice' && <Alert type={r.noticeState === 'open' ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }} message={`公示期 ${r.noticeStart} 至 ${r.noticeEnd}（${r.noticeDays}天）${r.noticeState === 'open' ? '，公示期内受理异议' : '，公示期已满'}`} />}
          {r.status === 'announced' && <Alert type="success" showIcon style={{ marginBottom: 16 }} message={`已于 ${r.announcedOn} 公布评选结果`} />}
          <Descriptions size="small" bordered column={2} items={[
            { label: '评选条件', children: r.criteria, span: 2 },
            { label: '评审指标', children: r.indicators.map((i) => <Tag key={i.code}>{i.name} {i.weight}%</Tag>), span: 2 },
            { label: '名额', children: `${r.quota}名（得分并列者同时入选）` },
            { label: '公示天数', children: `${r.noticeDays}天` },
          ]} />
          <Space style={{ margin: '16px 0' }}>
            {r.status === 'nominating' && me?.abilities['award.nominate'] && <Button onClick={() => setNominating(true)}>推荐</Button>}
            {r.status === 'notice' && manage && r.noticeState === 'open' && <Button onClick={() => setObjecting(true)}>登记异议</Button>}
            {manage && NEXT[r.status] && (
              <Popconfirm title={`确认${NEXT_LABEL[r.status]}？`} onConfirm={() => advance.mutate(NEXT[r.status]!)}>
                <Button type="primary" loading={advance.isPending}>{NEXT_LABEL[r.status]}</Button>
              </Popconfirm>
            )}
          </Space>
          <NominationTable round={r} items={r.nominations} actions={(n) => (r.status === 'reviewing' && me?.abilities['award.score'] ? <Button size="small" onClick={() => setScoring(n)}>{n.myScores ? '修改评分' : '打分'}</Button> : null)} />
          {(r.status === 'notice' || r.status === 'announced') && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>公示异议</Typography.Title>
              <Table<Objection> rowKey="id" size="small" dataSource={r.objections} pagination={false} locale={{ emptyText: '公示期内未收到异议' }} columns={[
                { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
                { title: '异议对象', dataIndex: 'nominationId', render: (v: string) => names.get(v) },
                { title: '反映人', dataIndex: 'submitter' },
                { title: '内容', dataIndex: 'content' },
                { title: '核查结论', render: (_, o) => (o.status === 'pending' ? <Tag color="orange">待核查</Tag> : <><Tag color={o.status === 'upheld' ? 'red' : 'green'}>{o.status === 'upheld' ? '异议成立' : '异议不成立'}</Tag>{o.resolution}</>) },
                { title: '', render: (_, o) => (o.status === 'pending' && manage && r.status === 'notice' ? <Button size="small" onClick={() => setResolving(o)}>核查处理</Button> : null) },
              ]} />
            </>
          )}
          <NominateModal round={r} open={nominating} onClose={() => setNominating(false)} />
          <ScoreModal round={r} nomination={scoring} onClose={() => setScoring(null)} />
          <FormModal title="登记公示期异议" open={objecting} onClose={() => setObjecting(false)} invalidate={['award-round', id]} submit={(v) => api.post(`/api/award-rounds/${id}/objections`, v)}>
            <Form.Item name="nominationId" label="异议对象" rules={[{ required: true, message: '请选择异议对象' }]}><Select options={r.nominations.filter((n) => n.status === 'candidate').map((n) => ({ value: n.id, label: n.subjectName }))} /></Form.Item>
            <Form.Item name="submitter" label="反映人"><Input /></Form.Item>
            <Form.Item name="content" label="异议内容" rules={[{ required: true, message: '请填写异议内容' }]}><Input.TextArea rows={3} /></Form.Item>
          </FormModal>
          <FormModal key={resolving?.id} title="异议核查处理" open={!!resolving} onClose={() => setResolving(null)} invalidate={['award-round', id]} submit={(v) => api.post(`/api/award-rounds/${id}/objections/${resolving!.id}/resolve`, { ...v, upheld: v.upheld === 'yes' })}>
            <Form.Item name="upheld" label="结论" rules={[{ required: true, message: '请选择结论' }]}><Select options={[{ value: 'no', label: '异议不成立，维持入选' }, { value: 'yes', label: '异议成立，取消入选资格' }]} /></Form.Item>
            <Form.Item name="resolution" label="核查情况" rules={[{ required: true, message: '请填写核查结论' }]}><Input.TextArea rows={3} /></Form.Item>
          </FormModal>
        </>
      )}
    </Card>
  );
}
