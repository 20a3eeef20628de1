import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Space, Steps, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { CLAIM_TYPE_LABELS, type ClaimType } from '../../../domain/cases/claim-types';
import { ClaimStep, EvidenceStep, RespondentStep, type ClaimForm, type Enterprise, type Evidence } from './components/apply-steps';
import { yuan } from './types';

interface Profile {
  realName: string | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  complete: boolean;
}

const STEPS = ['身份信息', '被申请单位', '请求事项', '证据材料', '核对提交'];

/** The guided application for mediation (要素式), one step per screen on a phone; safe to submit twice. */
export function PortalApplyPage() {
  const [params] = useSearchParams();
  const [step, setStep] = useState(0);
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [requestId] = useState(() => `app-${crypto.randomUUID()}`);
  const [claimForm] = Form.useForm<ClaimForm>();
  const [profileForm] = Form.useForm<{ realName: string; idNumber: string }>();
  const [claims, setClaims] = useState<ClaimForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const profile = useQuery({ queryKey: ['portal-profile'], queryFn: () => api.get<Profile>('/api/portal/profile') });
  const fromCalc = params.get('from');
  const initialClaim = {
    type: params.get('claimType') ?? 'wage_arrears',
    amount: params.get('amount') ? Number(params.get('amount')) : undefined,
  };

  const saveProfile = useMutation({
    mutationFn: (v: { realName: string; idNumber: string }) => api.put<Profile>('/api/portal/profile', v),
    onSuccess: (p) => {
      qc.setQueryData(['portal-profile'], p);
      setStep(1);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) profileForm.setFields(e.fields.map((f) => ({ name: f.field as 'idNumber', errors: [f.message] })));
    },
  });
  const submit = useMutation({
    mutationFn: () =>
      api.post<{ id: string }>('/api/portal/applications', {
        requestId,
        enterpriseId: enterprise!.id,
        organizationId: orgId,
        claims: [{ type: claims!.type, amount: claims!.amount, periodFrom: claims!.periodFrom || undefined, periodTo: claims!.periodTo || undefined }],
        facts: claims!.facts,
        evidenceIds: evidence.map((e) => e.id),
      }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['portal-cases'] });
      void navigate(`/portal/cases/${c.id}`, { replace: true });
    },
    onError: (e) => setError(e instanceof ApiError ? `${e.message}${e.fields.length ? `（${e.fields.map((f) => f.field).join('、')}）` : ''}` : '提交失败，请重试'),
  });

  const next = async () => {
    setError(null);
    if (step === 0) {
      if (profile.data?.complete) setStep(1);
      else saveProfile.mutate(await profileForm.validateFields());
    } else if (step === 1) {
      if (!enterprise) setError('请先查找并选择被申请的用人单位');
      else setStep(2);
    } else if (step === 2) {
      setClaims(await claimForm.validateFields());
      setStep(3);
    } else if (step === 3) setStep(4);
  };

  if (profile.isLoading) return <Card loading />;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        申请调解
      </Typography.Title>
      <Steps
        current={step}
        size="small"
        responsive={false}
        titlePlacement="vertical"
        items={STEPS.map((t) => ({ title: <span style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t}</span> }))}
        style={{ marginBottom: 16 }}
      />
      {fromCalc && step === 2 && <Alert type="info" showIcon message="已带入计算器的计算结果，请核对" style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Card size="small">
        {step === 0 &&
          (profile.data?.complete ? (
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{profile.data.realName}</Descriptions.Item>
              <Descriptions.Item label="身份证号">{profile.data.idNumberMasked}</Descriptions.Item>
              <Descriptions.Item label="手机">{profile.data.phoneMasked}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Form form={profileForm} layout="vertical" requiredMark={false}>
              <Typography.Paragraph type="secondary">申请调解需要实名。身份证号码加密保存，只有您本人和有权限的工作人员可以查看完整号码。</Typography.Paragraph>
              <Form.Item name="realName" label="真实姓名" rules={[{ required: true, message: '请填写真实姓名' }]}>
                <Input size="large" data-testid="profile-name" />
              </Form.Item>
              <Form.Item name="idNumber" label="身份证号码" rules={[{ required: true, len: 18, message: '请填写18位身份证号码' }]}>
                <Input size="large" maxLength={18} data-testid="profile-id" />
              </Form.Item>
            </Form>
          ))}
        {step === 1 && <RespondentStep value={enterprise} onChange={setEnterprise} orgId={orgId} onOrg={setOrgId} />}
        <div style={{ display: step === 2 ? undefined : 'none' }}>
          <ClaimStep form={claimForm} initial={initialClaim} />
        </div>
        {step === 3 && <EvidenceStep files={evidence} onChange={setEvidence} />}
        {step === 4 && claims && enterprise && (
          <Descriptions column={1} size="small" bordered data-testid="review">
            <Descriptions.Item label="申请人">{profile.data?.realName}</Descriptions.Item>
            <Descriptions.Item label="被申请人">{enterprise.name}</Descriptions.Item>
            <Descriptions.Item label="请求事项">{CLAIM_TYPE_LABELS[claims.type as ClaimType]}</Descriptions.Item>
            <Descriptions.Item label="金额">{yuan(claims.amount)}</Descriptions.Item>
            {claims.periodFrom && <Descriptions.Item label="期间">{`${claims.periodFrom} 至 ${claims.periodTo ?? ''}`}</Descriptions.Item>}
            <Descriptions.Item label="事实与理由">{claims.facts}</Descriptions.Item>
            <Descriptions.Item label="证据材料">{evidence.length ? evidence.map((e) => e.fileName).join('、') : '无'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
        <Button size="large" disabled={step === 0} onClick={() => setStep(step - 1)}>
          上一步
        </Button>
        {step < 4 ? (
          <Button type="primary" size="large" onClick={() => void next()} loading={saveProfile.isPending} data-testid="apply-next">
            下一步
          </Button>
        ) : (
          <Button type="primary" size="large" onClick={() => submit.mutate()} loading={submit.isPending} data-testid="apply-submit">
            提交申请
          </Button>
        )}
      </Space>
      {submit.isSuccess && <Result status="success" title="已提交" />}
    </div>
  );
}
