import { useEffect } from 'react';
import { Alert, App, Button, Card, Col, Form, InputNumber, List, Row, Select, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api';
import { OCCUPATIONS, SURVEY_STATUS_COLORS, SURVEY_STATUS_LABELS } from '../labels';

export interface SurveyIssue { field: string; level: 'error' | 'warning'; message: string }
export interface SurveyForm {
  id: string;
  year: number;
  enterprise: { name: string };
  status: keyof typeof SURVEY_STATUS_LABELS;
  data: { economic: Record<string, number>; laborCost: Record<string, number>; employees: { occupation: string; annualPay: number; months: number; note?: string }[] };
  issues: SurveyIssue[];
  returnReason: string | null;
  version: number;
  history: { action: string; reason: string | null; actorName: string | null; at: string }[];
  abilities: { save: boolean; submit: boolean; return: boolean; accept: boolean };
}

const ECON: [string, string, string][] = [['revenue', '营业收入', '万元'], ['profit', '利润总额', '万元'], ['avgEmployees', '从业人员平均人数', '人'], ['totalPayroll', '应付工资总额', '万元']];
const COST: [string, string][] = [['total', '人工成本总额'], ['wages', '从业人员工资总额'], ['socialInsurance', '社会保险费用'], ['welfare', '福利费用'], ['education', '教育经费'], ['housing', '住房费用'], ['other', '其他人工成本']];
const ACTIONS: Record<string, string> = { submit: '提交', return: '退回修改', accept: '审核通过' };
const toPath = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export function IssueList({ issues }: { issues: SurveyIssue[] }) {
  if (issues.length === 0) return <Alert type="success" showIcon message="校验通过" />;
  return (
    <List
      size="small"
      data-testid="survey-issues"
      dataSource={issues}
      renderItem={(i) => (
        <List.Item>
          <Space>
            <Tag color={i.level === 'error' ? 'red' : 'orange'}>{i.level === 'error' ? '错误' : '提示'}</Tag>
            {i.message}
          </Space>
        </List.Item>
      )}
    />
  );
}

export function History({ items }: { items: SurveyForm['history'] }) {
  return <Timeline items={items.map((h) => ({ children: `${new Date(h.at).toLocaleString('zh-CN', { hour12: false })} ${h.actorName ?? ''} ${ACTIONS[h.action] ?? h.action}${h.reason ? `：${h.reason}` : ''}` }))} />;
}

/** The enterprise's form: economic indicators, labour cost and one row per employee; save, import, submit. */
export function FormEditor({ f }: { f: SurveyForm }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  useEffect(() => form.setFieldsValue(f.data), [f, form]);
  const editable = f.abilities.save;
  const showFieldErrors = (issues: SurveyIssue[]) => {
    const stale = form.getFieldsError().filter((f) => f.errors.length || f.warnings.length).map((f) => ({ name: f.name, errors: [], warnings: [] }));
    const fresh = issues.filter((i) => i.field.includes('.')).map((i) => ({ name: toPath(i.field), errors: i.level === 'error' ? [i.message] : [], warnings: i.level === 'warning' ? [i.message] : [] }));
    form.setFields([...stale, ...fresh]);
  };
  const done = (msg: string) => (next: SurveyForm) => {
    message.success(msg);
    qc.setQueryData(['survey-form', next.id], next);
    void qc.invalidateQueries({ queryKey: ['survey-forms'] });
    showFieldErrors(next.issues);
  };
  const onError = (e: Error) => {
    if (e instanceof ApiError && e.fields.length) showFieldErrors(e.fields.map((x) => ({ ...x, level: 'error' as const })));
    message.error(e.message);
  };
  const save = useMutation({ mutationFn: (data: unknown) => api.put<SurveyForm>(`/api/salary-survey/forms/${f.id}`, { data, version: f.version }), onSuccess: done('已保存'), onError });
  const submit = useMutation({ mutationFn: () => api.post<SurveyForm>(`/api/salary-survey/forms/${f.id}/submit`), onSuccess: done('已提交，等待审核'), onError });
  const upload = useMutation({ mutationFn: (file: File) => api.upload<SurveyForm>(`/api/salary-survey/forms/${f.id}/import`, file), onSuccess: done('已导入'), onError });
  const num = (min = 0) => <InputNumber min={min} style={{ width: '100%' }} disabled={!editable} />;
  return (
    <Card
      title={
        <Space>
          {f.year}年度企业薪酬调查表
          <Tag color={SURVEY_STATUS_COLORS[f.status]}>{SURVEY_STATUS_LABELS[f.status]}</Tag>
        </Space>
      }
      extra={
        <Space>
          <a href="/api/salary-survey/template.xlsx">下载模板</a>
          <a href={`/api/salary-survey/forms/${f.id}/export.xlsx`}>导出本表</a>
          {editable && (
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => (upload.mutate(file), false)}>
              <Button loading={upload.isPending}>从 .xlsx 导入</Button>
            </Upload>
          )}
        </Space>
      }
    >
      {f.status === 'returned' && f.returnReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="审核退回" description={f.returnReason} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={!editable}>
        <Typography.Title level={5}>经济指标</Typography.Title>
        <Row gutter={16}>
          {ECON.map(([k, label, unit]) => (
            <Col span={6} key={k}>
              <Form.Item name={['economic', k]} label={`${label}（${unit}）`}>{num(k === 'profit' ? -1e9 : 0)}</Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Title level={5}>人工成本（万元）</Typography.Title>
        <Row gutter={16}>
          {COST.map(([k, label]) => (
            <Col span={6} key={k}>
              <Form.Item name={['laborCost', k]} label={label}>{num()}</Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Title level={5}>职工薪酬（每行一名职工）</Typography.Title>
        <Form.List name="employees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'occupation']} label="职业大类" style={{ width: 240 }}>
                    <Select options={Object.entries(OCCUPATIONS).map(([value, label]) => ({ value, label: `${value} ${label}` }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'annualPay']} label="年度应发工资（元）">{num()}</Form.Item>
                  <Form.Item name={[field.name, 'months']} label="工作月数">{num(1)}</Form.Item>
                  {editable && <Button type="link" danger onClick={() => remove(field.name)}>删除</Button>}
                </Space>
              ))}
              {editable && (
                <Button type="dashed" onClick={() => add({ occupation: '6', annualPay: null, months: 12 })} style={{ marginBottom: 16 }}>
                  添加职工
                </Button>
              )}
            </>
          )}
        </Form.List>
        {editable && (
          <Space>
            <Button htmlType="submit" loading={save.isPending}>保存并校验</Button>
            <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending} disabled={!f.abilities.submit}>提交审核</Button>
          </Space>
        )}
      </Form>
      <Typography.Title level={5} style={{ marginTop: 24 }}>校验结果</Typography.Title>
      <IssueList issues={f.issues} />
      {f.history.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>审核记录</Typography.Title>
          <History items={f.history} />
        </>
      )}
    </Card>
  );
}
