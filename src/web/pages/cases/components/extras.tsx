import { useRef, useState } from 'react';
import { App, Button, Card, Form, Input, List, Modal, Table } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import type { CaseDetail } from '../types';

/** Full ID numbers for users with the reveal right; the server audits every reveal. */
export function RevealButton({ c }: { c: CaseDetail }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<{ id: string; name: string; phone: string | null; idNumber: string | null }[] | null>(null);
  const reveal = useMutation({
    mutationFn: () => api.post<{ items: NonNullable<typeof rows> }>(`/api/cases/${c.id}/reveal`),
    onSuccess: (r) => setRows(r.items),
    onError: (e) => message.error((e as Error).message),
  });
  if (!c.abilities.revealPii) return null;
  return (
    <>
      <Button size="small" onClick={() => reveal.mutate()} loading={reveal.isPending}>
        查看完整信息
      </Button>
      <Modal title="申请人完整信息（本次查看已记入审计日志）" open={!!rows} onCancel={() => setRows(null)} footer={null}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows ?? []}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '手机', dataIndex: 'phone' },
            { title: '身份证号码', dataIndex: 'idNumber' },
          ]}
        />
      </Modal>
    </>
  );
}

/** Publishing a closed case as an anonymised typical case (典型案例) for the knowledge base. */
export function PublishButton({ c }: { c: CaseDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const publish = useMutation({
    mutationFn: (v: { title: string; holding: string; cited: string }) =>
      api.post(`/api/cases/${c.id}/publish`, {
        title: v.title,
        holding: v.holding,
        citedArticles: v.cited
          .split(/[，,；;\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: () => (
      message.success('已发布为典型案例（已匿名化）'),
      setOpen(false),
      void qc.invalidateQueries({ queryKey: ['case', c.id] })
    ),
    onError: (e) => message.error((e as Error).message),
  });
  const unpublish = useMutation({
    mutationFn: () => api.del(`/api/cases/${c.id}/publish`),
    onSuccess: () => (message.success('已撤回'), void qc.invalidateQueries({ queryKey: ['case', c.id] })),
  });
  if (!c.abilities.publish || !c.closedOn) return null;
  if (c.published)
    return (
      <Button size="small" onClick={() => unpublish.mutate()}>
        撤回典型案例
      </Button>
    );
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        发布典型案例
      </Button>
      <Modal
        title="发布典型案例"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={publish.isPending}
        okText="发布"
        cancelText="取消"
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => publish.mutate(v)}
          initialValues={{ title: `${c.claims[0]?.typeLabel ?? '劳动'}争议调解案`, cited: '劳动争议调解仲裁法 第十四条' }}
        >
          <Form.Item name="title" label="标题" rules={[{ required: true, min: 4, message: '标题至少4个字' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="holding" label="处理结果与要旨" rules={[{ required: true, min: 10, message: '至少10个字' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="cited" label="法律依据（逗号分隔）" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <div style={{ color: '#888' }}>当事人姓名、企业名称和证件号码发布时自动匿名化。</div>
        </Form>
      </Modal>
    </>
  );
}

/** Evidence files filed with the case. */
export function AttachmentsCard({ c }: { c: CaseDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file);
      return api.post(`/api/cases/${c.id}/attachments`, fd);
    },
    onSuccess: () => (message.success('已上传'), void qc.invalidateQueries({ queryKey: ['case', c.id] })),
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Card
      title="证据材料"
      size="small"
      extra={
        <Button size="small" loading={upload.isPending} onClick={() => input.current?.click()}>
          上传附件
        </Button>
      }
    >
      <input
        ref={input}
        type="file"
        hidden
        accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
        onChange={(e) => e.target.files?.[0] && upload.mutate(e.target.files[0])}
      />
      <List
        size="small"
        dataSource={c.attachments}
        locale={{ emptyText: '暂无附件（支持PDF、图片、Word、Excel，10MB以内）' }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <a key="d" href={`/api/cases/${c.id}/attachments/${a.id}`}>
                下载
              </a>,
            ]}
          >
            {a.fileName} <span style={{ color: '#888' }}>{Math.ceil(a.size / 1024)} KB</span>
          </List.Item>
        )}
      />
    </Card>
  );
}
