import { Alert, App, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ApiError, api } from '../../api';
import { CASE_SOURCE_LABELS, REVIEW_STATUS_LABELS } from '../../../domain/knowledge/entries';
import { CitationsField, fieldPath } from '../knowledge-qa/citations-field';
import type { CaseEntry } from './types';

interface Values {
  title: string;
  facts: string;
  holding: string;
  citations: { lawId: string; articleNo: number }[];
  status: 'draft' | 'reviewed';
}

/**
 * Enter or correct a typical case: facts, holding and the articles applied. Cases from the official
 * collections and the dispute module are shown read-only with where to change them.
 */
export function CaseForm({ entry, onClose, onSaved }: { entry: CaseEntry | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const readOnly = entry !== null && !entry.abilities.edit;
  const save = useMutation({
    mutationFn: (v: Values) =>
      entry ? api.patch<CaseEntry>(`/api/knowledge/cases/${entry.id}`, { ...v, revision: entry.revision }) : api.post<CaseEntry>('/api/knowledge/cases', v),
    onSuccess: () => {
      void message.success('已保存');
      onSaved();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0) {
        form.setFields(e.fields.map((f) => ({ name: fieldPath(f.field), errors: [f.message] })));
      }
      void message.error((e as Error).message);
    },
  });
  const title = entry ? (readOnly ? '查看典型案例' : '编辑典型案例') : '录入典型案例';
  return (
    <Modal open title={title} width={800} onCancel={onClose} footer={null} destroyOnHidden>
      {readOnly && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message={`来源：${CASE_SOURCE_LABELS[entry.source]}`}
          description={entry.source === 'published' ? '本平台调解案例由案件模块发布，请在案件管理中修改或撤回发布。' : '官方典型案例随法规资料包导入，不在此修改。'}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={
          entry
            ? {
                title: entry.title,
                facts: entry.facts,
                holding: entry.holding,
                citations: entry.citations.map((c) => ({ lawId: c.lawId, articleNo: c.articleNo })),
                status: entry.status,
              }
            : { citations: [{ lawId: 'labor-contract-law' }], status: 'draft' }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="title" label="案例标题" rules={[{ required: true, message: '请填写案例标题' }]} extra="写明当事人类型和争议焦点，不写真实姓名和单位名称">
          <Input maxLength={200} showCount data-testid="case-title" />
        </Form.Item>
        <Form.Item name="facts" label="基本案情" rules={[{ required: true, message: '请填写基本案情' }]}>
          <Input.TextArea rows={5} maxLength={10000} showCount data-testid="case-facts" />
        </Form.Item>
        <Form.Item name="holding" label="裁判结果与分析" rules={[{ required: true, message: '请填写裁判结果与分析' }]}>
          <Input.TextArea rows={5} maxLength={20000} showCount data-testid="case-holding" />
        </Form.Item>
        <CitationsField />
        <Form.Item name="status" label="审核状态" extra="只有“已审核”的案例对公众可见并进入检索">
          <Radio.Group options={Object.entries(REVIEW_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Space>
          {!readOnly && (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="case-save">
              保存
            </Button>
          )}
          <Button onClick={onClose} disabled={false}>
            {readOnly ? '关闭' : '取消'}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
