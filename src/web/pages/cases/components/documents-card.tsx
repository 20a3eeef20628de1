import { useState } from 'react';
import { App, Button, Card, Form, Input, List, Modal, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import { CASE_DOCUMENT_KIND_LABELS, CASE_DOCUMENT_KINDS, type CaseDocumentKind } from '../../../../domain/cases/claim-types';
import type { CaseDetail } from '../types';

/** Generated documents (.docx in the official layout) with an in-page preview. */
export function DocumentsCard({ c }: { c: CaseDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [kind, setKind] = useState<CaseDocumentKind>('acceptance_notice');
  const [preview, setPreview] = useState<string | null>(null);
  const [form] = Form.useForm();
  const shown = useQuery({
    queryKey: ['doc-preview', preview],
    enabled: !!preview,
    queryFn: () => api.get<{ title: string; html: string }>(`/api/cases/${c.id}/documents/${preview}/preview`),
  });
  const gen = useMutation({
    mutationFn: (extra: Record<string, unknown>) =>
      api.post<{ id: string; title: string }>(`/api/cases/${c.id}/documents`, { kind, ...extra }),
    onSuccess: (d) => {
      message.success(`已生成${d.title}`);
      void qc.invalidateQueries({ queryKey: ['case', c.id] });
      setPreview(d.id);
    },
    onError: (e) => message.error((e as Error).message),
  });
  const generate = () => {
    const v = form.getFieldsValue() as { statements?: string; problems?: string; suggestions?: string };
    const lines = (s?: string) =>
      (s ?? '')
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean);
    if (kind === 'mediation_record') {
      gen.mutate({
        session: {
          statements: lines(v.statements).map((l) => ({
            speaker: l.split('：')[0] ?? '调解员',
            text: l.split('：').slice(1).join('：') || l,
          })),
        },
      });
    } else if (kind === 'mediation_suggestion')
      gen.mutate({ suggestion: { problems: lines(v.problems), suggestions: lines(v.suggestions) } });
    else gen.mutate({});
  };
  return (
    <Card title="文书" size="small">
      {c.abilities.documents && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Space wrap>
            <Select
              style={{ width: 200 }}
              value={kind}
              onChange={setKind}
              aria-label="文书类型"
              options={CASE_DOCUMENT_KINDS.map((k) => ({ value: k, label: CASE_DOCUMENT_KIND_LABELS[k] }))}
            />
            <Button onClick={generate} loading={gen.isPending}>
              生成文书
            </Button>
          </Space>
          <Form form={form} layout="vertical">
            {kind === 'mediation_record' && (
              <Form.Item name="statements" label="笔录（每行一条，格式：发言人：内容）">
                <Input.TextArea rows={3} />
              </Form.Item>
            )}
            {kind === 'mediation_suggestion' && (
              <>
                <Form.Item name="problems" label="发现的问题（每行一条）">
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item name="suggestions" label="建议（每行一条）">
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            )}
          </Form>
        </Space>
      )}
      <List
        size="small"
        dataSource={c.documents}
        locale={{ emptyText: '尚未生成文书' }}
        renderItem={(d) => (
          <List.Item
            actions={[
              <a key="p" onClick={() => setPreview(d.id)}>
                预览
              </a>,
              <a key="d" href={`/api/cases/${c.id}/documents/${d.id}`}>
                下载
              </a>,
            ]}
          >
            {d.title}
          </List.Item>
        )}
      />
      <Modal title={shown.data?.title ?? '文书预览'} open={!!preview} onCancel={() => setPreview(null)} footer={null} width={760}>
        <div
          className="doc-preview"
          style={{
            fontFamily: 'FangSong, STFangsong, serif',
            fontSize: 16,
            lineHeight: 1.8,
            maxHeight: '65vh',
            overflow: 'auto',
            padding: '0 24px',
          }}
          dangerouslySetInnerHTML={{ __html: shown.data?.html ?? '' }}
        />
      </Modal>
    </Card>
  );
}
