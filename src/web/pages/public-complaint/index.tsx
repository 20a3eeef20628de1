import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Result, Select, Space, Switch, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../api';
import { ISSUE_OPTIONS } from '../complaints/types';
import { useRegionOptions } from '../services/components/use-regions';

interface Filed { trackingCode: string; receivedOn: string; acceptDueOn: string }
interface Tracked { trackingCode: string; status: string; receivedOn: string; acceptedOn: string | null; closedOn: string | null; feedback: string | null }
const STATUS: Record<string, string> = { received: '已收到，待受理', accepted: '已受理立案，调查中', rectifying: '已责令限期整改', closed: '已办结', rejected: '不予受理' };

/** 网上投诉举报: a complaint names the complainant; a report may be anonymous. The tracking code shows progress. */
export function PublicComplaintPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { streets } = useRegionOptions();
  const anonymous = Form.useWatch('anonymous', form);
  const [code, setCode] = useState('');
  const [tracked, setTracked] = useState<Tracked | null>(null);
  const file = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<Filed>('/api/public/complaints', v),
    onError: (e) => (e instanceof ApiError && e.fields.length ? form.setFields(e.fields.map((f) => ({ name: f.field.split('.')[0]!, errors: [f.message] }))) : message.error((e as Error).message)),
  });
  const track = useMutation({ mutationFn: () => api.get<Tracked>(`/api/public/complaints/${encodeURIComponent(code.trim())}`), onSuccess: setTracked, onError: (e) => message.error((e as Error).message) });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3}>劳动保障监察投诉举报</Typography.Title>
      <Alert type="info" showIcon message="劳动者认为用人单位侵犯其劳动保障合法权益的，有权投诉；任何组织或个人对违法行为有权举报。我们为举报人保密（《劳动保障监察条例》第九条）。符合条件的投诉在5个工作日内决定是否受理。" />
      {file.data ? (
        <Result status="success" title="已收到您的投诉举报" subTitle={`请牢记查询码 ${file.data.trackingCode}，凭此查询办理进度和处理结果。受理期限：${file.data.acceptDueOn}`} extra={<Typography.Text copyable strong data-testid="tracking-code">{file.data.trackingCode}</Typography.Text>} />
      ) : (
        <Card>
          <Form form={form} layout="vertical" initialValues={{ anonymous: false, issues: [] }} onFinish={(v) => file.mutate(v)}>
            <Form.Item name="employerName" label="被投诉（举报）单位名称" rules={[{ required: true, message: '请填写单位名称' }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="employerUscc" label="统一社会信用代码（选填）"><Input maxLength={18} /></Form.Item>
            <Form.Item name="streetId" label="单位所在街道/镇"><Select allowClear options={streets} /></Form.Item>
            <Form.Item name="employerAddress" label="单位地址（选填）"><Input maxLength={200} /></Form.Item>
            <Form.Item name="issues" label="投诉举报事项" rules={[{ required: true, message: '请至少选择一项' }]}><Checkbox.Group options={ISSUE_OPTIONS} /></Form.Item>
            <Form.Item name="description" label="具体情况（时间、人数、金额等）" rules={[{ required: true, message: '请描述违法事实' }]}><Input.TextArea rows={4} maxLength={3000} showCount /></Form.Item>
            <Space wrap>
              <Form.Item name="workersAffected" label="涉及人数"><InputNumber min={1} /></Form.Item>
              <Form.Item name="amountClaimed" label="涉及金额（元）"><InputNumber min={0} style={{ width: 160 }} /></Form.Item>
            </Space>
            <Form.Item name="anonymous" label="匿名举报（不留姓名和电话，无法电话回访）" valuePropName="checked"><Switch /></Form.Item>
            {!anonymous && (
              <Space wrap>
                <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={50} /></Form.Item>
                <Form.Item name="phone" label="手机号码" rules={[{ required: true, message: '请填写手机号码' }]}><Input maxLength={11} /></Form.Item>
              </Space>
            )}
            <Button type="primary" htmlType="submit" loading={file.isPending}>提交</Button>
          </Form>
        </Card>
      )}
      <Card title="查询办理进度">
        <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
          <Input placeholder="请输入查询码" value={code} onChange={(e) => setCode(e.target.value)} />
          <Button onClick={() => track.mutate()} disabled={code.trim().length < 6}>查询</Button>
        </Space.Compact>
        {tracked && (
          <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
            <Descriptions.Item label="状态">{STATUS[tracked.status] ?? tracked.status}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{tracked.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="受理日期">{tracked.acceptedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="办结日期">{tracked.closedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="处理结果">{tracked.feedback ?? '办理中'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
    </Space>
  );
}
