import { applyLinkFor } from '../portal/from-calculator';
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api';
import { articlePath } from '../consult/types';
import { CALCULATORS, type CalculatorDef, type FieldDef } from './definitions';

interface Basis {
  lawId: string;
  lawTitle: string;
  articleNo: number;
  label: string;
  summary: string;
}
type Result = Record<string, unknown> & { basis?: Basis[]; notes?: string[]; deadlines?: { label: string; basis: string }[] };

/** One calculator: its explanation, the form, the result with the articles applied, printable. */
export function CalculatorPage() {
  const { kind = '' } = useParams();
  const def = CALCULATORS.find((c) => c.key === kind);
  if (!def) return <Alert type="error" message="没有这个计算器" />;
  return <Calculator def={def} key={def.key} />;
}

function Calculator({ def }: { def: CalculatorDef }) {
  const [form] = Form.useForm();
  const [input, setInput] = useState<Record<string, unknown> | null>(null);
  const run = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Result>(def.endpoint, body),
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0) {
        form.setFields(e.fields.map((f) => ({ name: f.field.split('.')[0], errors: [f.message] })));
      }
    },
  });
  const submit = (values: Record<string, unknown>) => {
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    setInput(body);
    run.mutate(body);
  };
  const r = run.data;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {def.title}
      </Typography.Title>
      <Typography.Paragraph className="no-print" type="secondary">
        {def.intro}
      </Typography.Paragraph>
      <Card size="small" className="no-print">
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={Object.fromEntries(def.fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial]))}
        >
          {def.fields.map((f) => (
            <FieldInput key={f.name} f={f} />
          ))}
          <Button type="primary" htmlType="submit" block size="large" loading={run.isPending} data-testid="calc-submit">
            计算
          </Button>
        </Form>
      </Card>
      {run.error && !(run.error instanceof ApiError && run.error.fields.length > 0) && (
        <Alert style={{ marginTop: 12 }} type="error" message={(run.error as Error).message} />
      )}
      {r && (
        <Card
          data-testid="calc-result"
          size="small"
          style={{ marginTop: 12 }}
          title={`计算结果 · ${def.title}`}
          extra={
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          }
        >
          {input && (
            <Descriptions className="print-only" size="small" column={1} title="输入" style={{ marginBottom: 12 }}>
              {def.fields
                .filter((f) => input[f.name] !== undefined)
                .map((f) => (
                  <Descriptions.Item key={f.name} label={f.label}>
                    {shown(f, input[f.name])}
                  </Descriptions.Item>
                ))}
            </Descriptions>
          )}
          <Descriptions size="small" column={1} bordered>
            {def.summary(r).map(([k, v]) => (
              <Descriptions.Item key={k} label={k}>
                <strong>{v}</strong>
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            适用条文
          </Typography.Title>
          <ul style={{ paddingLeft: 18 }}>
            {(r.basis ?? []).map((b) => (
              <li key={`${b.lawId}${b.articleNo}`}>
                <Link to={articlePath(b.lawId, b.articleNo)}>
                  《{b.lawTitle}》{b.label}
                </Link>
                ：{b.summary}
              </li>
            ))}
            {(r.deadlines ?? []).map((d) => (
              <li key={d.label}>{d.basis}</li>
            ))}
          </ul>
          {(r.notes ?? []).length > 0 && (
            <>
              <Typography.Title level={5}>说明</Typography.Title>
              <ul style={{ paddingLeft: 18 }}>
                {r.notes!.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            计算结果依据上列条文，仅供参考，不作为仲裁或诉讼的依据。
          </Typography.Paragraph>
          {applyLinkFor(def.key, r) && (
            <Link to={applyLinkFor(def.key, r)!} className="no-print" data-testid="calc-apply">
              <Button type="primary" ghost block size="large">
                从这里申请调解（带入计算金额）
              </Button>
            </Link>
          )}
        </Card>
      )}
    </div>
  );
}

function shown(f: FieldDef, v: unknown): string {
  if (f.type === 'bool') return v ? '是' : '否';
  if (f.type === 'select') return f.options?.find((o) => o.value === v)?.label ?? String(v);
  return String(v);
}

function FieldInput({ f }: { f: FieldDef }) {
  const rules = f.optional || f.type === 'bool' ? [] : [{ required: true, message: `请填写${f.label.replace(/（.*）/, '')}` }];
  const common = { name: f.name, label: f.label, extra: f.help, rules };
  switch (f.type) {
    case 'date':
      return (
        <Form.Item {...common}>
          <Input type="date" size="large" />
        </Form.Item>
      );
    case 'money':
    case 'number':
      return (
        <Form.Item {...common}>
          <InputNumber size="large" style={{ width: '100%' }} min={0} step={f.type === 'money' ? 100 : 1} inputMode="decimal" />
        </Form.Item>
      );
    case 'bool':
      return (
        <Form.Item {...common} valuePropName="checked">
          <Switch />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item {...common}>
          <Select size="large" options={f.options} />
        </Form.Item>
      );
  }
}
