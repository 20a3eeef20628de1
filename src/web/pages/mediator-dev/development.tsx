import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from '../rosters/components/form-modal';
import { MediatorSelect } from './mediator-select';

interface Pair { id: string; mentorId: string; mentorName: string; menteeId: string; menteeName: string; orgName: string; startedOn: string; endedOn: string | null; goals: string; outcome: string | null; status: string }
interface Competition { id: string; title: string; heldOn: string; organizer: string; status: string; statusLabel: string }
interface CompetitionDetail extends Competition { results: { mediatorId: string; name: string; orgName: string; score: number; rank: number; award: string | null }[] }

/** 队伍培养: mentoring pairs (师徒结对) and skills competitions (技能竞赛). */
export function DevelopmentPage() {
  const { me } = useAuth();
  const manage = !!me?.abilities['mediatorRoster.manage'];
  const [modal, setModal] = useState<'pair' | 'comp' | 'results' | null>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const pairs = useQuery({ queryKey: ['mentoring'], queryFn: () => api.get<{ items: Pair[] }>('/api/mentoring-pairs') });
  const comps = useQuery({ queryKey: ['competitions'], enabled: !!me?.abilities['competition.read'], queryFn: () => api.get<{ items: Competition[] }>('/api/competitions') });
  const detail = useQuery({ queryKey: ['competition', open], enabled: !!open, queryFn: () => api.get<CompetitionDetail>(`/api/competitions/${open ?? ''}`) });
  return (
    <Card title="调解员队伍培养">
      <Tabs items={[
        {
          key: 'pairs', label: '师徒结对',
          children: (
            <>
              {manage && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setModal('pair')}>新建结对</Button>}
              <Table<Pair> rowKey="id" size="small" loading={pairs.isLoading} dataSource={pairs.data?.items} pagination={false} columns={[
                { title: '师傅', dataIndex: 'mentorName', render: (v: string, p) => <Link to={`/rosters/mediators/${p.mentorId}`}>{v}</Link> },
                { title: '徒弟', dataIndex: 'menteeName', render: (v: string, p) => <Link to={`/rosters/mediators/${p.menteeId}`}>{v}</Link> },
                { title: '所属组织', dataIndex: 'orgName' },
                { title: '结对日期', dataIndex: 'startedOn' },
                { title: '带教目标', dataIndex: 'goals' },
                { title: '状态', render: (_, p) => (p.status === 'active' ? <Tag color="blue">带教中</Tag> : <Tag>{`${p.endedOn ?? ''}期满：${p.outcome ?? ''}`}</Tag>) },
                { title: '', render: (_, p) => manage && p.status === 'active' && <Button size="small" onClick={() => setEnding(p.id)}>期满</Button> },
              ]} />
            </>
          ),
        },
        {
          key: 'comps', label: '技能竞赛',
          children: (
            <>
              {me?.abilities['competition.manage'] && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setModal('comp')}>举办竞赛</Button>}
              <Table<Competition> rowKey="id" size="small" loading={comps.isLoading} dataSource={comps.data?.items} pagination={false} columns={[
                { title: '竞赛', dataIndex: 'title', render: (v: string, c) => <a onClick={() => setOpen(c.id)}>{v}</a> },
                { title: '日期', dataIndex: 'heldOn' },
                { title: '主办', dataIndex: 'organizer' },
                { title: '状态', dataIndex: 'statusLabel', render: (v: string, c) => <Tag color={c.status === 'finished' ? 'green' : 'blue'}>{v}</Tag> },
              ]} />
            </>
          ),
        },
      ]} />
      <FormModal title="新建师徒结对" open={modal === 'pair'} onClose={() => setModal(null)} invalidate={['mentoring']} submit={(v) => api.post('/api/mentoring-pairs', v)}>
        <Form.Item name="mentorId" label="师傅（从事调解满5年）" rules={[{ required: true, message: '请选择师傅' }]}><MediatorSelect /></Form.Item>
        <Form.Item name="menteeId" label="徒弟（从事调解不满3年）" rules={[{ required: true, message: '请选择徒弟' }]}><MediatorSelect /></Form.Item>
        <Form.Item name="startedOn" label="结对日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="goals" label="带教目标" rules={[{ required: true, message: '请填写带教目标' }]}><Input.TextArea rows={2} /></Form.Item>
      </FormModal>
      <FormModal title="结对期满" open={!!ending} onClose={() => setEnding(null)} invalidate={['mentoring']} submit={(v) => api.post(`/api/mentoring-pairs/${ending ?? ''}/end`, v)}>
        <Form.Item name="endedOn" label="期满日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="outcome" label="带教成效" rules={[{ required: true, message: '请填写带教成效' }]}><Input.TextArea rows={2} /></Form.Item>
      </FormModal>
      <FormModal title="举办技能竞赛" open={modal === 'comp'} onClose={() => setModal(null)} invalidate={['competitions']} submit={(v) => api.post('/api/competitions', v)}>
        <Form.Item name="title" label="竞赛名称" rules={[{ required: true, message: '请填写竞赛名称' }]}><Input /></Form.Item>
        <Form.Item name="heldOn" label="举办日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="organizer" label="主办单位" rules={[{ required: true, message: '请填写主办单位' }]}><Input /></Form.Item>
      </FormModal>
      <Modal title={detail.data?.title} open={!!open} onCancel={() => setOpen(null)} footer={null} width={720}>
        <Space style={{ marginBottom: 12 }}>{me?.abilities['competition.manage'] && <Button onClick={() => setModal('results')}>录入成绩</Button>}<span>名次按得分自动排定，同分并列。</span></Space>
        <Table rowKey="mediatorId" size="small" pagination={false} dataSource={detail.data?.results} columns={[{ title: '名次', dataIndex: 'rank', width: 60 }, { title: '选手', dataIndex: 'name' }, { title: '所属组织', dataIndex: 'orgName' }, { title: '得分', dataIndex: 'score' }, { title: '奖项', dataIndex: 'award', render: (v: string | null) => (v ? <Tag color="gold">{v}</Tag> : '—') }]} />
      </Modal>
      <FormModal title="录入竞赛成绩" open={modal === 'results'} onClose={() => setModal(null)} invalidate={['competition', open]} submit={(v) => api.put(`/api/competitions/${open ?? ''}/results`, { results: (v.results as { mediatorId: string; score: number }[] | undefined) ?? [] })} initialValues={{ results: [{}] }}>
        <Form.List name="results">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'mediatorId']} rules={[{ required: true, message: '请选择选手' }]} style={{ width: 300 }}><MediatorSelect /></Form.Item>
                  <Form.Item name={[f.name, 'score']} rules={[{ required: true, message: '请填写得分' }]}><InputNumber min={0} max={100} placeholder="得分" /></Form.Item>
                  <a onClick={() => remove(f.name)}>删除</a>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()}>添加选手</Button>
            </>
          )}
        </Form.List>
      </FormModal>
    </Card>
  );
}
