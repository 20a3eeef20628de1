import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from '../rosters/components/form-modal';
import { AWARD_KINDS, type Indicator, type Round } from './labels';

const DEFAULT_INDICATORS: Indicator[] = [
  { code: 'work', name: '工作实绩', weight: 40 },
  { code: 'skill', name: '业务能力', weight: 25 },
  { code: 'innovation', name: '创新做法', weight: 20 },
  { code: 'credit', name: '社会评价', weight: 15 },
];

/** 年度评选 (金牌 selection): one workflow for the four awards. */
export function RecognitionPage() {
  const { me } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['award-rounds'], queryFn: () => api.get<{ items: Round[] }>('/api/award-rounds') });
  return (
    <Card title="年度金牌评选" extra={<Space><Link to="/gold-honours" target="_blank">金牌荣誉榜</Link>{me?.abilities['award.manage'] && <Button type="primary" onClick={() => setCreating(true)}>发布评选</Button>}</Space>}>
      <Table<Round>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        onRow={(r) => ({ onClick: () => nav(`/recognition/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '评选', dataIndex: 'title' },
          { title: '名额', dataIndex: 'quota', width: 80 },
          { title: '阶段', dataIndex: 'statusLabel', render: (v: string, r) => <Tag color={r.status === 'announced' ? 'gold' : r.status === 'notice' ? 'orange' : 'blue'}>{v}</Tag> },
          { title: '公示期', render: (_, r) => (r.noticeStart ? `${r.noticeStart} 至 ${r.noticeEnd}` : '—') },
        ]}
      />
      <FormModal title="发布评选" open={creating} onClose={() => setCreating(false)} invalidate={['award-rounds']} initialValues={{ year: new Date().getFullYear(), quota: 1, noticeDays: 7, indicators: DEFAULT_INDICATORS }} submit={(v) => api.post('/api/award-rounds', v)}>
        <Space>
          <Form.Item name="year" label="年度" rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}><Select style={{ width: 200 }} options={AWARD_KINDS} /></Form.Item>
        </Space>
        <Form.Item name="criteria" label="评选条件" rules={[{ required: true, message: '请填写评选条件' }]}><Input.TextArea rows={3} /></Form.Item>
        <Space>
          <Form.Item name="quota" label="名额" rules={[{ required: true }]}><InputNumber min={1} max={100} /></Form.Item>
          <Form.Item name="noticeDays" label="公示天数" rules={[{ required: true }]}><InputNumber min={1} max={60} /></Form.Item>
        </Space>
        <Typography.Text strong>评审指标（权重合计须为100）</Typography.Text>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '编码' }]}><Input placeholder="编码" style={{ width: 90 }} /></Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '名称' }]}><Input placeholder="指标名称" style={{ width: 200 }} /></Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '权重' }]}><InputNumber min={1} max={100} placeholder="权重" /></Form.Item>
                  <Button size="small" onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Form.Item shouldUpdate noStyle>
                {({ getFieldValue }) => {
                  const sum = ((getFieldValue('indicators') as Indicator[] | undefined) ?? []).reduce((s, i) => s + (i?.weight ?? 0), 0);
                  return <Space><Button size="small" onClick={() => add({ code: '', name: '', weight: 0 })}>增加指标</Button><Typography.Text type={sum === 100 ? 'success' : 'danger'}>权重合计 {sum}</Typography.Text></Space>;
                }}
              </Form.Item>
            </>
          )}
        </Form.List>
      </FormModal>
    </Card>
  );
}
