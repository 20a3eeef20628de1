import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from './components/form-modal';
import { GRADES, VISIT_PURPOSES } from './labels';

interface Detail {
  id: string; name: string; employerName: string; employerKindLabel: string; skillLevelLabel: string | null; certificateNo: string | null; certifiedOn: string | null; status: string; trainingHours: number;
  trainings: { id: string; course: string; hours: number; trainedOn: string }[];
  assignments: { id: string; enterpriseId: string; enterpriseName: string; sizeClass: string | null; assignedOn: string; endedOn: string | null }[];
  visits: { id: string; enterpriseName: string; visitedOn: string; purposeLabel: string; summary: string }[];
  evaluations: { year: number; gradeLabel: string; comment: string | null; facts: { visits: number; enterprisesVisited: number; trainingHours: number } }[];
}
type ModalKind = 'training' | 'assign' | 'visit' | 'evaluate' | null;

export function CoordinatorDetailPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const [modal, setModal] = useState<ModalKind>(null);
  const [entQ, setEntQ] = useState('');
  const d = useQuery({ queryKey: ['coordinator', id], queryFn: () => api.get<Detail>(`/api/coordinators/${id}`) });
  const ents = useQuery({ queryKey: ['coord-ent-search', entQ], enabled: modal === 'assign', queryFn: () => api.get<{ items: { id: string; name: string }[] }>(`/api/enterprises${qs({ q: entQ, pageSize: 20 })}`) });
  const manage = !!me?.abilities['coordinator.manage'];
  const c = d.data;
  const key = ['coordinator', id];
  const active = c?.assignments.filter((a) => !a.endedOn) ?? [];
  return (
    <Card title={c ? `协调员档案：${c.name}` : '协调员档案'} loading={d.isLoading} extra={<Link to="/rosters/coordinators">返回名册</Link>}>
      {c && (
        <>
          <Descriptions size="small" column={3} bordered items={[
            { label: '所在单位', children: `${c.employerName}（${c.employerKindLabel}）` },
            { label: '技能等级', children: c.skillLevelLabel ?? '—' },
            { label: '证书', children: c.certificateNo ? `${c.certificateNo}（${c.certifiedOn ?? ''}）` : '—' },
            { label: '状态', children: c.status === 'active' ? <Tag color="green">在岗</Tag> : <Tag>已退出</Tag> },
            { label: '服务企业', children: active.length },
            { label: '累计培训学时', children: c.trainingHours },
          ]} />
          <Space style={{ margin: '16px 0' }}>
            {me?.abilities['coordinator.visit'] && <Button type="primary" onClick={() => setModal('visit')}>登记走访</Button>}
            {manage && <Button onClick={() => setModal('assign')}>分配企业</Button>}
            {manage && <Button onClick={() => setModal('training')}>登记培训</Button>}
            {manage && <Button onClick={() => setModal('evaluate')}>年度考评</Button>}
          </Space>
          <Tabs items={[
            { key: 'ents', label: `服务企业（${active.length}）`, children: <Table rowKey="id" size="small" dataSource={c.assignments} pagination={{ pageSize: 10 }} columns={[{ title: '企业', dataIndex: 'enterpriseName', render: (v: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> }, { title: '规模', dataIndex: 'sizeClass', render: (v: string | null) => ({ large: '大型', medium: '中型', small: '小型', micro: '微型' } as Record<string, string>)[v ?? ''] ?? '—' }, { title: '分配日期', dataIndex: 'assignedOn' }, { title: '结束日期', dataIndex: 'endedOn', render: (v: string | null) => v ?? '—' }]} /> },
            { key: 'visits', label: `工作日志（${c.visits.length}）`, children: <Table rowKey="id" size="small" dataSource={c.visits} pagination={{ pageSize: 10 }} columns={[{ title: '日期', dataIndex: 'visitedOn', width: 110 }, { title: '企业', dataIndex: 'enterpriseName' }, { title: '类型', dataIndex: 'purposeLabel', render: (v: string) => <Tag>{v}</Tag> }, { title: '工作内容', dataIndex: 'summary' }]} /> },
            { key: 'trainings', label: '培训记录', children: <Table rowKey="id" size="small" dataSource={c.trainings} pagination={false} columns={[{ title: '日期', dataIndex: 'trainedOn' }, { title: '课程', dataIndex: 'course' }, { title: '学时', dataIndex: 'hours' }]} /> },
            { key: 'evals', label: '年度考评', children: <Table rowKey="year" size="small" dataSource={c.evaluations} pagination={false} columns={[{ title: '年度', dataIndex: 'year' }, { title: '等次', dataIndex: 'gradeLabel', render: (v: string) => <Tag color={v === '优秀' ? 'gold' : undefined}>{v}</Tag> }, { title: '当年走访', render: (_, r) => `${r.facts.visits}次（${r.facts.enterprisesVisited}家企业）` }, { title: '当年培训学时', render: (_, r) => r.facts.trainingHours }, { title: '评语', dataIndex: 'comment' }]} /> },
          ]} />
          <FormModal title="登记走访" open={modal === 'visit'} onClose={() => setModal(null)} invalidate={key} submit={(v) => api.post(`/api/coordinators/${id}/visits`, v)}>
            <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}><Select showSearch optionFilterProp="label" options={active.map((a) => ({ value: a.enterpriseId, label: a.enterpriseName }))} /></Form.Item>
            <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="purpose" label="类型" rules={[{ required: true, message: '请选择类型' }]}><Select options={VISIT_PURPOSES} /></Form.Item>
            <Form.Item name="summary" label="工作内容" rules={[{ required: true, message: '请填写工作内容' }]}><Input.TextArea rows={3} /></Form.Item>
          </FormModal>
          <FormModal title="分配服务企业" open={modal === 'assign'} onClose={() => setModal(null)} invalidate={key} submit={(v) => api.post(`/api/coordinators/${id}/assignments`, v)}>
            <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}><Select showSearch filterOption={false} onSearch={setEntQ} options={ents.data?.items.map((e) => ({ value: e.id, label: e.name }))} placeholder="输入企业名称查找" /></Form.Item>
            <Form.Item name="assignedOn" label="分配日期"><DatePicker /></Form.Item>
          </FormModal>
          <FormModal title="登记培训" open={modal === 'training'} onClose={() => setModal(null)} invalidate={key} submit={(v) => api.post(`/api/coordinators/${id}/trainings`, v)}>
            <Form.Item name="course" label="课程" rules={[{ required: true, message: '请填写课程' }]}><Input /></Form.Item>
            <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}><InputNumber min={0.5} step={0.5} /></Form.Item>
            <Form.Item name="trainedOn" label="培训日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          </FormModal>
          <FormModal title="年度考评" open={modal === 'evaluate'} onClose={() => setModal(null)} invalidate={key} initialValues={{ year: Number(new Date().getFullYear()) }} submit={({ year, ...v }) => api.put(`/api/coordinators/${id}/evaluations/${String(year)}`, v)}>
            <Form.Item name="year" label="年度" rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
            <Form.Item name="grade" label="等次" rules={[{ required: true, message: '请选择等次' }]}><Select options={GRADES} /></Form.Item>
            <Form.Item name="comment" label="评语"><Input.TextArea rows={2} /></Form.Item>
          </FormModal>
        </>
      )}
    </Card>
  );
}
