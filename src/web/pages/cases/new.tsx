import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, List, Row, Select, Space, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { CASE_SOURCE_LABELS, CASE_SOURCES, CLAIM_TYPE_LABELS, CLAIM_TYPES } from '../../../domain/cases/claim-types';

interface Suggestion {
  organizationId: string;
  name: string;
  levelLabel: string;
  reason: string;
}

/** Registration with claim elements (要素式): respondent from the registry, applicants, claims with amounts. */
export function CaseIntakePage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const requestId = useMemo(() => crypto.randomUUID(), []);
  const [uscc, setUscc] = useState('');
  const applicants = Form.useWatch('applicants', form) as unknown[] | undefined;
  const count = applicants?.length ?? 1;
  const routing = useQuery({
    queryKey: ['routing', uscc, count >= 10],
    enabled: uscc.length === 18,
    retry: false,
    queryFn: () =>
      api.get<{ enterprise: { name: string }; suggestions: Suggestion[] }>(
        `/api/cases/routing-suggestion?respondentUscc=${uscc}&applicantCount=${count}`,
      ),
  });
  const orgs = useQuery({
    queryKey: ['mediation-orgs-all'],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/mediation-orgs?pageSize=200'),
  });
  const isMediator = !!me?.user.roles.includes('mediator');
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<{ id: string; caseNo: string }>('/api/cases', v),
    onSuccess: (c) => {
      message.success(`已登记：${c.caseNo}`);
      void navigate(`/cases/${c.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) {
        form.setFields(
          e.fields.map((f) => ({ name: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] })),
        );
        message.error(e.message);
      } else message.error((e as Error).message);
    },
  });
  const submit = (v: Record<string, unknown>) =>
    create.mutate({
      ...v,
      requestId,
      receivedDate: (v.receivedDate as Dayjs).format('YYYY-MM-DD'),
      applicants: (v.applicants as Record<string, string>[]).map((a) => ({
        name: a.name,
        phone: a.phone || undefined,
        idNumber: a.idNumber || undefined,
      })),
      claims: (v.claims as Record<string, unknown>[]).map((c) => ({
        type: c.type,
        amount: c.amount ?? undefined,
        description: c.description || undefined,
      })),
      organizationId: v.organizationId || undefined,
    });
  return (
    <Card title="登记劳动争议调解案件">
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          receivedDate: dayjs(),
          applicants: [{}],
          claims: [{ type: 'wage_arrears' }],
          source: 'walk_in',
          organizationId: isMediator ? me?.user.orgUnitId : undefined,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="respondentUscc"
              label="被申请人统一社会信用代码"
              rules={[
                { required: true, message: '请填写统一社会信用代码' },
                { len: 18, message: '统一社会信用代码为18位' },
              ]}
            >
              <Input maxLength={18} onChange={(e) => setUscc(e.target.value.trim().toUpperCase())} />
            </Form.Item>
            {routing.data && (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`被申请人：${routing.data.enterprise.name}`} />
            )}
            {routing.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={(routing.error as Error).message} />}
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="receivedDate" label="收到申请日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="source" label="来源">
              <Select options={CASE_SOURCES.map((s) => ({ value: s, label: CASE_SOURCE_LABELS[s] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={<Space>申请人{count >= 10 && <Tag color="volcano">集体争议（{count}人），优先处理</Tag>}</Space>}>
          <Form.List name="applicants">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}>
                      <Input placeholder="姓名" aria-label="申请人姓名" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'phone']}>
                      <Input placeholder="手机号码" aria-label="申请人手机" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'idNumber']}>
                      <Input placeholder="身份证号码" aria-label="申请人身份证号码" style={{ width: 220 }} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                  添加申请人
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label="请求事项（要素式）">
          <Form.List name="claims">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'type']} rules={[{ required: true, message: '请选择类型' }]}>
                      <Select
                        style={{ width: 150 }}
                        aria-label="请求类型"
                        options={CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_TYPE_LABELS[t] }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']}>
                      <InputNumber placeholder="金额（元）" aria-label="请求金额" min={0} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']}>
                      <Input placeholder="期间、说明" style={{ width: 260 }} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ type: 'other' })} icon={<PlusOutlined />}>
                  添加请求
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="facts" label="事实与理由" rules={[{ required: true, message: '请填写事实与理由' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label="受理调解组织"
          extra={isMediator ? '调解员登记的案件由本组织受理；需要其他组织处理的，受理后可移交' : undefined}
        >
          <Select
            disabled={isMediator}
            showSearch
            optionFilterProp="label"
            allowClear
            options={orgs.data?.items.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        {routing.data && routing.data.suggestions.length > 0 && (
          <Card size="small" title="建议受理组织" style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={routing.data.suggestions}
              renderItem={(s, i) => (
                <List.Item>
                  <Space>
                    {i === 0 && <Tag color="blue">首选</Tag>}
                    <Tag>{s.levelLabel}</Tag>
                    {s.name}
                    <span style={{ color: '#888' }}>{s.reason}</span>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        )}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          登记
        </Button>
      </Form>
    </Card>
  );
}
