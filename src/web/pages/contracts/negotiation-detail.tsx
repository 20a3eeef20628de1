import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Skeleton, Space, Tag, Timeline } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api';

interface Negotiation {
  id: string;
  title: string;
  kindLabel: string;
  enterpriseName: string | null;
  initiator: string;
  instructorName: string | null;
  requestedOn: string | null;
  response: { due: string; late: boolean; responded: boolean } | null;
  statusLabel: string;
  contractId: string | null;
  previousContractId: string | null;
  steps: { id: string; kind: string; kindLabel: string; onDate: string; title: string | null; minutes: string | null; participants: string | null; votesFor: number | null; delegates: number | null }[];
  nextSteps: string[];
  abilities: { update: boolean; addStep: boolean };
}

const STEP_LABELS: Record<string, string> = { request: '提出协商要约', response: '书面回应要约', meeting: '协商会议', draft: '形成合同草案', congress_vote: '职工代表大会审议通过', signing: '首席代表签字', filing: '报送审查' };
const TEMPLATES = [
  ['request', '集体协商要约书'],
  ['response', '要约回应书'],
  ['meeting', '会议纪要'],
  ['congress_vote', '职代会决议'],
] as const;

export function NegotiationDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const q = useQuery({ queryKey: ['negotiation', id], queryFn: () => api.get<Negotiation>(`/api/negotiations/${id}`) });
  const add = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post(`/api/negotiations/${id}/steps`, v),
    onSuccess: () => {
      form.resetFields();
      message.success('已记录');
      void qc.invalidateQueries({ queryKey: ['negotiation', id] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field, errors: [f.message] })));
      else message.error((e as Error).message);
    },
  });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={(q.error as Error).message} />;
  const n = q.data!;
  return (
    <Card title={`集体协商：${n.title}`} extra={<Link to="/contracts?tab=negotiations">返回</Link>}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="企业">{n.enterpriseName ?? '区域/行业'}</Descriptions.Item>
        <Descriptions.Item label="拟订立">{n.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="进度">{n.statusLabel}</Descriptions.Item>
        <Descriptions.Item label="集体协商指导员">{n.instructorName ?? '未指派'}</Descriptions.Item>
        <Descriptions.Item label="要约日期">{n.requestedOn}</Descriptions.Item>
        <Descriptions.Item label="回应期限">
          {n.response && <Tag color={n.response.late ? 'red' : n.response.responded ? 'green' : 'orange'}>{n.response.due}（20日内，集体合同规定 第三十二条）{n.response.late ? ' 逾期' : ''}</Tag>}
        </Descriptions.Item>
        {n.previousContractId && <Descriptions.Item label="续签自"><Link to={`/contracts/${n.previousContractId}`}>原合同</Link></Descriptions.Item>}
        {n.contractId && <Descriptions.Item label="形成的合同"><Link to={`/contracts/${n.contractId}`}>查看并上传文本</Link></Descriptions.Item>}
      </Descriptions>
      <Space wrap style={{ margin: '8px 0 16px' }}>
        文书模板：
        {TEMPLATES.map(([k, label]) => (
          <Button key={k} size="small" href={`/api/negotiations/${n.id}/documents/${k}`}>
            {label}
          </Button>
        ))}
      </Space>
      <Timeline items={n.steps.map((s) => ({ children: <div><b>{s.onDate} {s.kindLabel}</b>{s.votesFor !== null && `：赞成${s.votesFor}/${s.delegates}`}{s.participants && <div>参加：{s.participants}</div>}{s.minutes && <div style={{ whiteSpace: 'pre-wrap' }}>{s.minutes}</div>}</div> }))} />
      {n.abilities.addStep && (
        <Card size="small" title="记录下一步骤">
          <Form form={form} layout="inline" onFinish={(v) => add.mutate({ ...v, onDate: v.onDate?.format('YYYY-MM-DD') })} initialValues={{ kind: n.nextSteps[0] }}>
            <Form.Item name="kind" rules={[{ required: true }]}>
              <Select style={{ width: 200 }} options={n.nextSteps.map((k) => ({ value: k, label: STEP_LABELS[k] }))} />
            </Form.Item>
            <Form.Item name="onDate" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker placeholder="日期" />
            </Form.Item>
            {kind === 'congress_vote' && (
              <>
                <Form.Item name="delegates"><InputNumber placeholder="代表总数" min={1} /></Form.Item>
                <Form.Item name="votesFor"><InputNumber placeholder="赞成票" min={0} /></Form.Item>
              </>
            )}
            {kind === 'meeting' && <Form.Item name="participants"><Input placeholder="参加人员" style={{ width: 220 }} /></Form.Item>}
            <Form.Item name="minutes" style={{ width: '100%', marginTop: 8 }}>
              <Input.TextArea rows={3} placeholder={kind === 'meeting' ? '会议纪要（必填）' : '说明'} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending} style={{ marginTop: 8 }}>
              记录
            </Button>
          </Form>
        </Card>
      )}
    </Card>
  );
}
