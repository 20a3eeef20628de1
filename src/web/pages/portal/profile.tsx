import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Skeleton, Typography, App } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api';

interface Profile {
  userId: string;
  realName: string | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  complete: boolean;
}

/** Real name and ID number: masked, shown in full to the owner on request (the reveal is audited). */
export function PortalProfilePage() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ realName: string; idNumber: string }>();
  const [full, setFull] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['portal-profile'], queryFn: () => api.get<Profile>('/api/portal/profile') });
  const save = useMutation({
    mutationFn: (v: { realName: string; idNumber: string }) => api.put<Profile>('/api/portal/profile', v),
    onSuccess: (p) => {
      qc.setQueryData(['portal-profile'], p);
      setEditing(false);
      setFull(null);
      message.success('已保存');
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field as 'idNumber', errors: [f.message] })));
    },
  });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={(q.error as Error).message} />;
  const p = q.data!;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        实名信息
      </Typography.Title>
      <Card size="small">
        {p.complete && !editing ? (
          <>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{p.realName}</Descriptions.Item>
              <Descriptions.Item label="身份证号">
                <span data-testid="profile-id-shown">{full ?? p.idNumberMasked}</span>
              </Descriptions.Item>
              <Descriptions.Item label="手机">{p.phoneMasked ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Button onClick={async () => setFull((await api.post<{ idNumber: string }>('/api/portal/profile/reveal')).idNumber)} disabled={!!full}>
              查看完整号码
            </Button>{' '}
            <Button onClick={() => setEditing(true)}>修改</Button>
          </>
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ realName: p.realName ?? '' }} requiredMark={false}>
            <Form.Item name="realName" label="真实姓名" rules={[{ required: true, message: '请填写真实姓名' }]}>
              <Input size="large" />
            </Form.Item>
            <Form.Item name="idNumber" label="身份证号码" rules={[{ required: true, len: 18, message: '请填写18位身份证号码' }]}>
              <Input size="large" maxLength={18} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={save.isPending}>
              保存
            </Button>
          </Form>
        )}
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        身份证号码加密保存；除您本人外，只有有权限的工作人员可以查看完整号码，每次查看都记入审计日志。
      </Typography.Paragraph>
    </div>
  );
}
