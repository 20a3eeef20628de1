import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from '../rosters/components/form-modal';
import type { SocialOrg } from './social-orgs';

interface Project { id: string; title: string; purchaser: string; amount: number; startOn: string; endOn: string; status: string; statusLabel: string; evalScore: number | null; evalGradeLabel: string | null }

export function SocialOrgDetailPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const key = ['social-org', id];
  const d = useQuery({ queryKey: key, queryFn: () => api.get<SocialOrg & { projects: Project[] }>(`/api/social-orgs/${id}`) });
  const o = d.data;
  return (
    <Card title={o?.name ?? '社会组织'} loading={d.isLoading} extra={<Link to="/rosters/social-orgs">返回台账</Link>}>
      {o && (
        <>
          <Descriptions size="small" bordered column={3} items={[
            { label: '类型', children: o.orgTypeLabel }, { label: '规模', children: o.sizeLabel }, { label: '从业人员', children: o.staffCount },
            { label: '统一社会信用代码', children: o.uscc ?? '—' }, { label: '服务行业', children: o.industries.join('、') || '—' }, { label: '联系人', children: `${o.contactName ?? '—'} ${o.phone ?? ''}` },
            { label: '服务项目', span: 3, children: o.serviceLabels.map((s) => <Tag key={s}>{s}</Tag>) },
          ]} />
          <Space style={{ margin: '16px 0' }}>
            <h3 style={{ margin: 0 }}>政府购买服务项目</h3>
            {me?.abilities['socialOrg.manage'] && <Button type="primary" onClick={() => setCreating(true)}>签订购买服务项目</Button>}
          </Space>
          <Table<Project> rowKey="id" size="small" dataSource={o.projects} pagination={false} onRow={(r) => ({ onClick: () => nav(`/rosters/service-projects/${r.id}`), style: { cursor: 'pointer' } })} columns={[
            { title: '项目', dataIndex: 'title' }, { title: '购买主体', dataIndex: 'purchaser' }, { title: '金额（元）', dataIndex: 'amount', align: 'right', render: (v: number) => v.toLocaleString('zh-CN') },
            { title: '服务期', render: (_, p) => `${p.startOn} 至 ${p.endOn}` },
            { title: '状态', dataIndex: 'statusLabel', render: (v: string, p) => <Tag color={p.status === 'accepted' ? 'green' : p.status === 'rejected' ? 'red' : 'blue'}>{v}</Tag> },
            { title: '绩效评价', render: (_, p) => (p.evalScore === null ? '—' : `${p.evalScore}分（${p.evalGradeLabel ?? ''}）`) },
          ]} />
          <FormModal title="签订政府购买服务项目" open={creating} onClose={() => setCreating(false)} invalidate={key} initialValues={{ deliverables: [{}] }} submit={(v) => api.post(`/api/social-orgs/${id}/projects`, { ...v, deliverables: ((v.deliverables as { title: string; dueOn: { format: (f: string) => string } }[] | undefined) ?? []).map((x) => ({ title: x.title, dueOn: x.dueOn?.format('YYYY-MM-DD') })) })}>
            <Form.Item name="title" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}><Input /></Form.Item>
            <Form.Item name="purchaser" label="购买主体" rules={[{ required: true, message: '请填写购买主体' }]}><Input /></Form.Item>
            <Form.Item name="amount" label="合同金额（元）" rules={[{ required: true, message: '请填写金额' }]}><InputNumber min={1} style={{ width: 200 }} /></Form.Item>
            <Space><Form.Item name="startOn" label="服务期开始" rules={[{ required: true, message: '请选择' }]}><DatePicker /></Form.Item><Form.Item name="endOn" label="服务期结束" rules={[{ required: true, message: '请选择' }]}><DatePicker /></Form.Item></Space>
            <Form.Item name="content" label="服务内容" rules={[{ required: true, message: '请填写服务内容' }]}><Input.TextArea rows={2} /></Form.Item>
            <Form.List name="deliverables">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写成果名称' }]}><Input placeholder="交付成果" /></Form.Item>
                      <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请选择' }]}><DatePicker placeholder="交付期限" /></Form.Item>
                      <a onClick={() => remove(f.name)}>删除</a>
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add()}>添加交付成果</Button>
                </>
              )}
            </Form.List>
          </FormModal>
        </>
      )}
    </Card>
  );
}
