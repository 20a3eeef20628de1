import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Statistic, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from '../rosters/components/form-modal';
import { ORG_SIZES, SERVICES, SOCIAL_ORG_TYPES } from './labels';

export interface SocialOrg { id: string; name: string; uscc: string | null; orgTypeLabel: string; sizeLabel: string; staffCount: number; industries: string[]; serviceLabels: string[]; contactName: string | null; phone: string | null; status: string }

/** 社会组织台账: type, size, staff, industries and services, with the purchased-service projects. */
export function SocialOrgsPage() {
  const { me } = useAuth();
  const nav = useNavigate();
  const [q, setQ] = useState('');
  const [service, setService] = useState<string>();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['social-orgs', q, service], queryFn: () => api.get<{ items: SocialOrg[]; total: number; summary: { organisations: number; staff: number; bySize: Record<string, number> } }>(`/api/social-orgs${qs({ q, service, pageSize: 100 })}`) });
  const projects = useQuery({ queryKey: ['service-projects'], queryFn: () => api.get<{ items: { status: string }[]; totalAmount: number }>('/api/service-projects') });
  const s = list.data?.summary;
  return (
    <Card title="协调劳动关系社会组织台账" extra={<>{me?.abilities['socialOrg.manage'] && <Button type="primary" onClick={() => setCreating(true)}>登记社会组织</Button>}</>}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}><Statistic title="在册社会组织" value={s?.organisations ?? 0} suffix="家" /></Col>
        <Col span={6}><Statistic title="从业人员" value={s?.staff ?? 0} suffix="人" /></Col>
        <Col span={6}><Statistic title="购买服务项目" value={projects.data?.items.length ?? 0} suffix="个" /></Col>
        <Col span={6}><Statistic title="购买服务金额" value={((projects.data?.totalAmount ?? 0) / 10000).toFixed(1)} suffix="万元" /></Col>
      </Row>
      <div style={{ marginBottom: 12, display: 'flex', gap: 8 }}>
        <Input.Search placeholder="组织名称" allowClear onSearch={setQ} style={{ width: 220 }} />
        <Select allowClear placeholder="服务项目" options={SERVICES} onChange={setService} style={{ width: 200 }} />
      </div>
      <Table<SocialOrg> rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items} pagination={false} onRow={(r) => ({ onClick: () => nav(`/rosters/social-orgs/${r.id}`), style: { cursor: 'pointer' } })} columns={[
        { title: '名称', dataIndex: 'name' },
        { title: '类型', dataIndex: 'orgTypeLabel' },
        { title: '规模', dataIndex: 'sizeLabel' },
        { title: '人员', dataIndex: 'staffCount', align: 'right' },
        { title: '服务行业', dataIndex: 'industries', render: (v: string[]) => v.join('、') },
        { title: '服务项目', dataIndex: 'serviceLabels', render: (v: string[]) => v.map((x) => <Tag key={x}>{x}</Tag>) },
        { title: '状态', dataIndex: 'status', render: (v: string) => (v === 'active' ? <Tag color="green">在册</Tag> : <Tag>停止服务</Tag>) },
      ]} />
      <FormModal title="登记社会组织" open={creating} onClose={() => setCreating(false)} invalidate={['social-orgs']} submit={(v) => api.post('/api/social-orgs', { ...v, industries: String(v.industries ?? '').split(/[、,，\s]+/).filter(Boolean) })}>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写组织名称' }]}><Input /></Form.Item>
        <Form.Item name="uscc" label="统一社会信用代码"><Input /></Form.Item>
        <Form.Item name="orgType" label="类型" rules={[{ required: true, message: '请选择' }]}><Select options={SOCIAL_ORG_TYPES} /></Form.Item>
        <Form.Item name="size" label="规模" rules={[{ required: true, message: '请选择' }]}><Select options={ORG_SIZES} /></Form.Item>
        <Form.Item name="staffCount" label="从业人员" rules={[{ required: true, message: '请填写' }]}><InputNumber min={0} /></Form.Item>
        <Form.Item name="industries" label="服务行业（顿号分隔）"><Input /></Form.Item>
        <Form.Item name="services" label="服务项目" rules={[{ required: true, message: '请选择至少一项服务' }]}><Select mode="multiple" options={SERVICES} /></Form.Item>
        <Form.Item name="contactName" label="联系人"><Input /></Form.Item>
        <Form.Item name="phone" label="电话"><Input /></Form.Item>
      </FormModal>
    </Card>
  );
}
