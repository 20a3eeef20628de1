import { useEffect, useState } from 'react';
import { Alert, Button, Form, type FormInstance, Input, InputNumber, List, Radio, Select, Space, Typography, Upload, App } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../../api';
import { CLAIM_TYPE_LABELS, CLAIM_TYPES } from '../../../../domain/cases/claim-types';
import { evidenceForm } from '../types';

export interface Enterprise {
  id: string;
  name: string;
  uscc: string;
}
export interface Claim {
  type: string;
  amount?: number;
  periodFrom?: string;
  periodTo?: string;
}
export interface Evidence {
  id: string;
  fileName: string;
  size: number;
}

/** Step 2: the respondent, found by name or credit code, and the organisation the routing rules suggest. */
export function RespondentStep(props: {
  value: Enterprise | null;
  onChange: (e: Enterprise) => void;
  orgId: string | undefined;
  onOrg: (id: string) => void;
}) {
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['portal-enterprises', q],
    queryFn: () => api.get<{ items: Enterprise[] }>(`/api/portal/enterprises${qs({ q })}`),
    enabled: q.trim().length >= 2,
  });
  const routing = useQuery({
    queryKey: ['portal-routing', props.value?.id],
    queryFn: () =>
      api.get<{ suggestions: { organizationId: string; name: string; levelLabel: string; reason: string }[] }>(
        `/api/portal/routing-suggestion${qs({ enterpriseId: props.value!.id })}`,
      ),
    enabled: !!props.value,
  });
  const suggestions = routing.data?.suggestions;
  const { orgId, onOrg } = props;
  useEffect(() => {
    if (suggestions?.length && !orgId) onOrg(suggestions[0]!.organizationId);
  }, [suggestions, orgId, onOrg]);
  return (
    <div>
      <Input.Search
        size="large"
        placeholder="输入单位名称或统一社会信用代码"
        enterButton="查找"
        onSearch={(v) => setQ(v.trim())}
        data-testid="respondent-search"
      />
      {search.error && <Alert type="error" message={(search.error as Error).message} style={{ marginTop: 8 }} />}
      {q && (
        <List
          style={{ marginTop: 8, background: '#fff' }}
          bordered
          size="small"
          loading={search.isLoading}
          locale={{ emptyText: '没有找到该单位，请核对名称或信用代码' }}
          dataSource={search.data?.items ?? []}
          renderItem={(e) => (
            <List.Item
              onClick={() => props.onChange(e)}
              style={{ cursor: 'pointer', background: props.value?.id === e.id ? '#fff1f0' : undefined }}
              data-testid="respondent-option"
            >
              <List.Item.Meta title={e.name} description={e.uscc} />
            </List.Item>
          )}
        />
      )}
      {props.value && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>已选择：{props.value.name}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
            按分流规则，建议由以下调解组织受理：
          </Typography.Paragraph>
          <Radio.Group value={props.orgId} onChange={(e) => props.onOrg(e.target.value as string)}>
            <Space direction="vertical">
              {(suggestions ?? []).map((s) => (
                <Radio key={s.organizationId} value={s.organizationId}>
                  {s.name}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {s.levelLabel} · {s.reason}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </div>
      )}
    </div>
  );
}

/** Step 3: the claim elements (要素式): type, amount, period, facts. */
export function ClaimStep({ form, initial }: { form: FormInstance<ClaimForm>; initial: Partial<ClaimForm> }) {
  return (
    <Form form={form} layout="vertical" requiredMark={false} initialValues={initial}>
      <Form.Item name="type" label="请求事项" rules={[{ required: true, message: '请选择请求事项' }]}>
        <Select size="large" options={CLAIM_TYPES.map((v) => ({ value: v, label: CLAIM_TYPE_LABELS[v] }))} data-testid="claim-type" />
      </Form.Item>
      <Form.Item name="amount" label="请求金额（元）">
        <InputNumber size="large" min={0} step={100} style={{ width: '100%' }} inputMode="decimal" data-testid="claim-amount" />
      </Form.Item>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="periodFrom" label="期间自" style={{ width: '50%' }}>
          <Input type="date" size="large" />
        </Form.Item>
        <Form.Item name="periodTo" label="至" style={{ width: '50%' }}>
          <Input type="date" size="large" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="facts" label="事实与理由" rules={[{ required: true, min: 10, message: '请用至少10个字说明发生了什么' }]}>
        <Input.TextArea rows={5} placeholder="何时入职、做什么工作、发生了什么、您要求什么" data-testid="claim-facts" />
      </Form.Item>
    </Form>
  );
}
export interface ClaimForm extends Claim {
  facts: string;
}

/** Step 4: evidence — images and PDF, up to 10MB each; the server checks the type against the bytes. */
export function EvidenceStep({ files, onChange }: { files: Evidence[]; onChange: (f: Evidence[]) => void }) {
  const { message } = App.useApp();
  return (
    <div>
      <Typography.Paragraph type="secondary">可上传劳动合同、工资条、考勤记录、聊天记录截图等（JPG、PNG或PDF，每个不超过10MB）。没有也可以先提交。</Typography.Paragraph>
      <Upload
        accept="image/jpeg,image/png,application/pdf"
        showUploadList={false}
        customRequest={async (o) => {
          try {
            const r = await api.post<Evidence>('/api/portal/uploads', evidenceForm(o.file as File));
            onChange([...files, r]);
            o.onSuccess?.(r);
          } catch (e) {
            message.error(e instanceof ApiError ? e.message : '上传失败');
            o.onError?.(e as Error);
          }
        }}
      >
        <Button icon={<UploadOutlined />} size="large" block data-testid="evidence-upload">
          选择文件上传
        </Button>
      </Upload>
      <List
        style={{ marginTop: 12 }}
        size="small"
        dataSource={files}
        locale={{ emptyText: '尚未上传' }}
        renderItem={(f) => (
          <List.Item actions={[<a key="rm" onClick={() => onChange(files.filter((x) => x.id !== f.id))}>移除</a>]}>
            {f.fileName}（{Math.ceil(f.size / 1024)} KB）
          </List.Item>
        )}
      />
    </div>
  );
}
