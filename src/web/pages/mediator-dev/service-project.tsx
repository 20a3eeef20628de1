import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { FormModal } from '../rosters/components/form-modal';

interface Detail { id: string; socialOrgId: string; socialOrgName: string; title: string; purchaser: string; amount: number; startOn: string; endOn: string; content: string; status: string; statusLabel: string; acceptedOn: string | null; evalScore: number | null; evalGradeLabel: string | null; evalNote: string | null; deliverables: { id: string; title: string; dueOn: string; deliveredOn: string | null; evidence: string | null }[] }

/** A purchased-service project: deliverables, delivery, acceptance and the performance evaluation. */
export function ServiceProjectPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const [delivering, setDelivering] = useState<string | null>(null);
  const [accepting, setAccepting] = useState(false);
  const key = ['service-project', id];
  const d = useQuery({ queryKey: key, queryFn: () => api.get<Detail>(`/api/service-projects/${id}`) });
  const p = d.data;
  const manage = !!me?.abilities['socialOrg.manage'] && p?.status === 'contracted';
  return (
    <Card title={p ? `购买服务项目：${p.title}` : '购买服务项目'} loading={d.isLoading} extra={p && <Link to={`/rosters/social-orgs/${p.socialOrgId}`}>返回{p.socialOrgName}</Link>}>
      {p && (
        <>
          <Descriptions size="small" bordered column={3} items={[
            { label: '承接组织', children: p.socialOrgName }, { label: '购买主体', children: p.purchaser }, { label: '合同金额', children: `${p.amount.toLocaleString('zh-CN')}元` },
            { label: '服务期', children: `${p.startOn} 至 ${p.endOn}` }, { label: '状态', children: <Tag color={p.status === 'accepted' ? 'green' : p.status === 'rejected' ? 'red' : 'blue'}>{p.statusLabel}</Tag> }, { label: '验收日期', children: p.acceptedOn ?? '—' },
            { label: '服务内容', span: 3, children: p.content },
          ]} />
          {p.evalScore !== null && <Alert style={{ marginTop: 16 }} type={p.status === 'accepted' ? 'success' : 'error'} showIcon title={`绩效评价 ${p.evalScore} 分（${p.evalGradeLabel ?? ''}）`} description={p.evalNote} />}
          <h3 style={{ marginTop: 16 }}>交付成果</h3>
          <Table rowKey="id" size="small" pagination={false} dataSource={p.deliverables} columns={[
            { title: '成果', dataIndex: 'title' }, { title: '交付期限', dataIndex: 'dueOn' },
            { title: '交付', render: (_, x) => (x.deliveredOn ? <span><Tag color="green">{x.deliveredOn}已交付</Tag>{x.evidence}</span> : <Tag color="orange">未交付</Tag>) },
            { title: '', render: (_, x) => manage && !x.deliveredOn && <Button size="small" onClick={() => setDelivering(x.id)}>登记交付</Button> },
          ]} />
          {manage && <Button type="primary" style={{ marginTop: 16 }} onClick={() => setAccepting(true)}>验收与绩效评价</Button>}
          <FormModal title="登记成果交付" open={!!delivering} onClose={() => setDelivering(null)} invalidate={key} submit={(v) => api.post(`/api/service-projects/${id}/deliverables/${delivering ?? ''}/deliver`, v)}>
            <Form.Item name="deliveredOn" label="交付日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="evidence" label="交付材料说明" rules={[{ required: true, message: '请填写交付材料说明' }]}><Input.TextArea rows={2} /></Form.Item>
          </FormModal>
          <FormModal title="验收与绩效评价" open={accepting} onClose={() => setAccepting(false)} invalidate={key} initialValues={{ passed: true }} submit={(v) => api.post(`/api/service-projects/${id}/acceptance`, v)}>
            <Form.Item name="passed" label="验收结论"><Radio.Group options={[{ value: true, label: '验收通过' }, { value: false, label: '验收不通过' }]} /></Form.Item>
            <Form.Item name="score" label="绩效评价得分（0–100；90优秀，80良好，60合格）" rules={[{ required: true, message: '请填写得分' }]}><InputNumber min={0} max={100} /></Form.Item>
            <Form.Item name="note" label="评价意见" rules={[{ required: true, message: '请填写评价意见' }]}><Input.TextArea rows={3} /></Form.Item>
          </FormModal>
        </>
      )}
    </Card>
  );
}
