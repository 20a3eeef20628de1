import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from '../rosters/components/form-modal';
import { GRADES } from '../rosters/labels';
import { DISMISSAL_GROUNDS, pct, type CaseStats } from './labels';

interface Profile {
  id: string; name: string; orgName: string; certificateNo: string | null; specialities: string[]; status: string; joinedOn: string | null; serving: boolean;
  terms: { id: string; termStart: string; termEnd: string; documentNo: string | null; status: string; dismissedOn: string | null; dismissalGroundLabel: string | null; dismissalReason: string | null }[];
  trainings: { id: string; course: string; hours: number; trainedOn: string; eventId: string | null }[];
  trainingHoursThisYear: number; trainingTarget: number;
  rewards: { id: string; kindLabel: string; kind: string; title: string; decidedOn: string; note: string | null }[];
  evaluations: { year: number; gradeLabel: string; suggestedGradeLabel: string | null; comment: string | null; stats: CaseStats & { trainingHours: number } }[];
  mentoring: { id: string; role: string; mentorName: string; menteeName: string; startedOn: string; endedOn: string | null; goals: string; status: string }[];
  competitions: { competitionId: string; title: string; heldOn: string; score: number; rank: number; award: string | null }[];
  designatedCases: { id: string; caseNo: string; respondentName: string; receivedDate: string; closedOn: string | null; result: string | null }[];
  caseYear: number; caseStats: CaseStats;
}
type ModalKind = 'term' | 'dismiss' | 'training' | 'reward' | 'evaluate' | null;
const TERM_STATUS: Record<string, [string, string]> = { serving: ['在聘', 'green'], ended: ['期满', 'default'], dismissed: ['已解聘', 'red'] };
const RESULT: Record<string, string> = { success: '调解成功', failed: '调解不成', withdrawn: '撤回', declined: '不予受理' };

/** 调解员档案: appointment terms, training, evaluation partly computed from the cases, rewards, mentoring, competitions. */
export function MediatorDetailPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const [modal, setModal] = useState<ModalKind>(null);
  const key = ['mediator-profile', id];
  const d = useQuery({ queryKey: key, queryFn: () => api.get<Profile>(`/api/mediators/${id}/profile`) });
  const manage = !!me?.abilities['mediatorRoster.manage'];
  const m = d.data;
  const serving = m?.terms.find((t) => t.status === 'serving');
  const close = () => setModal(null);
  return (
    <Card title={m ? `调解员档案：${m.name}` : '调解员档案'} loading={d.isLoading} extra={<Link to="/rosters/mediators">返回名册</Link>}>
      {m && (
        <>
          <Descriptions size="small" column={3} bordered items={[
            { label: '所属组织', children: m.orgName },
            { label: '资格证书', children: m.certificateNo ?? '—' },
            { label: '擅长领域', children: m.specialities.join('、') || '—' },
            { label: '从事调解起', children: m.joinedOn ?? '—' },
            { label: '状态', children: m.status === 'active' ? (m.serving ? <Tag color="green">在聘</Tag> : <Tag color="orange">在册未聘</Tag>) : <Tag>已离任</Tag> },
            { label: '本年培训学时', children: `${m.trainingHoursThisYear} / ${m.trainingTarget}` },
          ]} />
          <Card size="small" title={`${m.caseYear}年办案数据（取自争议案件）`} style={{ marginTop: 16 }}>
            <Space size={48}>
              <Statistic title="结案数" value={m.caseStats.cases ?? '—'} />
              <Statistic title="调解成功率" value={pct(m.caseStats.successRate)} />
              <Statistic title="按期结案率" value={pct(m.caseStats.withinLimitRate)} />
              <Statistic title="当事人满意度" value={m.caseStats.satisfaction ?? '未采集'} />
            </Space>
          </Card>
          {manage && (
            <Space style={{ margin: '16px 0' }}>
              <Button type="primary" onClick={() => setModal('term')}>{m.terms.length ? '续聘' : '聘任'}</Button>
              {serving && <Button danger onClick={() => setModal('dismiss')}>解聘</Button>}
              <Button onClick={() => setModal('training')}>登记培训</Button>
              <Button onClick={() => setModal('reward')}>登记奖惩</Button>
              <Button onClick={() => setModal('evaluate')}>年度考评</Button>
            </Space>
          )}
          <Tabs style={{ marginTop: manage ? 0 : 16 }} items={[
            { key: 'terms', label: '聘任记录', children: <Table rowKey="id" size="small" pagination={false} dataSource={m.terms} columns={[{ title: '聘期', render: (_, t) => `${t.termStart} 至 ${t.termEnd}` }, { title: '聘书文号', dataIndex: 'documentNo', render: (v: string | null) => v ?? '—' }, { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={TERM_STATUS[v]?.[1]}>{TERM_STATUS[v]?.[0] ?? v}</Tag> }, { title: '解聘', render: (_, t) => (t.dismissedOn ? `${t.dismissedOn}：${t.dismissalGroundLabel ?? ''}（${t.dismissalReason ?? ''}）` : '—') }]} /> },
            { key: 'evals', label: '年度考评', children: <Table rowKey="year" size="small" pagination={false} dataSource={m.evaluations} columns={[{ title: '年度', dataIndex: 'year' }, { title: '等次', dataIndex: 'gradeLabel', render: (v: string) => <Tag color={v === '优秀' ? 'gold' : undefined}>{v}</Tag> }, { title: '系统建议', dataIndex: 'suggestedGradeLabel' }, { title: '结案数', render: (_, e) => e.stats.cases ?? '—' }, { title: '成功率', render: (_, e) => pct(e.stats.successRate) }, { title: '按期率', render: (_, e) => pct(e.stats.withinLimitRate) }, { title: '培训学时', render: (_, e) => e.stats.trainingHours }, { title: '评语', dataIndex: 'comment' }]} /> },
            { key: 'trainings', label: `培训记录（${m.trainings.length}）`, children: <Table rowKey="id" size="small" pagination={{ pageSize: 10 }} dataSource={m.trainings} columns={[{ title: '日期', dataIndex: 'trainedOn', width: 120 }, { title: '课程', dataIndex: 'course', render: (v: string, t) => (t.eventId ? <Link to={`/rosters/training/${t.eventId}`}>{v}</Link> : v) }, { title: '学时', dataIndex: 'hours' }]} /> },
            { key: 'rewards', label: '奖惩', children: <Table rowKey="id" size="small" pagination={false} dataSource={m.rewards} columns={[{ title: '日期', dataIndex: 'decidedOn', width: 120 }, { title: '类别', dataIndex: 'kindLabel', render: (v: string, r) => <Tag color={r.kind === 'reward' ? 'green' : 'red'}>{v}</Tag> }, { title: '名称', dataIndex: 'title' }, { title: '说明', dataIndex: 'note' }]} /> },
            { key: 'mentoring', label: '师徒结对', children: <Table rowKey="id" size="small" pagination={false} dataSource={m.mentoring} columns={[{ title: '身份', dataIndex: 'role', render: (v: string) => (v === 'mentor' ? '师傅' : '徒弟') }, { title: '师傅', dataIndex: 'mentorName' }, { title: '徒弟', dataIndex: 'menteeName' }, { title: '结对日期', dataIndex: 'startedOn' }, { title: '带教目标', dataIndex: 'goals' }, { title: '状态', dataIndex: 'status', render: (v: string) => (v === 'active' ? <Tag color="blue">带教中</Tag> : <Tag>已期满</Tag>) }]} /> },
            { key: 'comp', label: '技能竞赛', children: <Table rowKey="competitionId" size="small" pagination={false} dataSource={m.competitions} columns={[{ title: '竞赛', dataIndex: 'title' }, { title: '日期', dataIndex: 'heldOn' }, { title: '得分', dataIndex: 'score' }, { title: '名次', dataIndex: 'rank' }, { title: '奖项', dataIndex: 'award', render: (v: string | null) => (v ? <Tag color="gold">{v}</Tag> : '—') }]} /> },
            { key: 'cases', label: '承办案件', children: <Table rowKey="id" size="small" pagination={false} dataSource={m.designatedCases} columns={[{ title: '案号', dataIndex: 'caseNo', render: (v: string, c) => <Link to={`/cases/${c.id}`}>{v}</Link> }, { title: '被申请人', dataIndex: 'respondentName' }, { title: '收案日期', dataIndex: 'receivedDate' }, { title: '结案日期', dataIndex: 'closedOn', render: (v: string | null) => v ?? '办理中' }, { title: '结果', dataIndex: 'result', render: (v: string | null) => (v ? RESULT[v] ?? v : '—') }]} /> },
          ]} />
          <FormModal title={m.terms.length ? '续聘' : '聘任'} open={modal === 'term'} onClose={close} invalidate={key} submit={(v) => api.post(`/api/mediators/${id}/terms`, v)}>
            <Form.Item name="termStart" label="聘期开始" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="termEnd" label="聘期结束（聘期至少1年）" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="documentNo" label="聘书文号"><Input /></Form.Item>
          </FormModal>
          <FormModal title="解聘" open={modal === 'dismiss'} onClose={close} invalidate={key} submit={(v) => api.post(`/api/mediators/${id}/terms/${serving?.id ?? ''}/dismiss`, v)}>
            <Form.Item name="dismissedOn" label="解聘日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="ground" label="解聘事由类别" rules={[{ required: true, message: '请选择' }]}><Select options={DISMISSAL_GROUNDS} /></Form.Item>
            <Form.Item name="reason" label="具体事由" rules={[{ required: true, message: '请填写解聘事由' }]}><Input.TextArea rows={3} /></Form.Item>
          </FormModal>
          <FormModal title="登记培训" open={modal === 'training'} onClose={close} invalidate={key} submit={(v) => api.post(`/api/mediators/${id}/trainings`, v)}>
            <Form.Item name="course" label="课程" rules={[{ required: true, message: '请填写课程' }]}><Input /></Form.Item>
            <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}><InputNumber min={0.5} step={0.5} /></Form.Item>
            <Form.Item name="trainedOn" label="培训日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          </FormModal>
          <FormModal title="登记奖惩" open={modal === 'reward'} onClose={close} invalidate={key} submit={(v) => api.post(`/api/mediators/${id}/rewards`, v)} initialValues={{ kind: 'reward' }}>
            <Form.Item name="kind" label="类别" rules={[{ required: true }]}><Select options={[{ value: 'reward', label: '奖励' }, { value: 'penalty', label: '惩戒' }]} /></Form.Item>
            <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写奖惩名称' }]}><Input /></Form.Item>
            <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="note" label="说明"><Input.TextArea rows={2} /></Form.Item>
          </FormModal>
          <FormModal title="年度考评（办案数据自动取自案件模块）" open={modal === 'evaluate'} onClose={close} invalidate={key} initialValues={{ year: m.caseYear }} submit={({ year, ...v }) => api.put(`/api/mediators/${id}/evaluations/${String(year)}`, v)}>
            <Form.Item name="year" label="年度" rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
            <Form.Item name="grade" label="等次" rules={[{ required: true, message: '请选择等次' }]}><Select options={GRADES} /></Form.Item>
            <Form.Item name="comment" label="评语"><Input.TextArea rows={2} /></Form.Item>
          </FormModal>
        </>
      )}
    </Card>
  );
}
