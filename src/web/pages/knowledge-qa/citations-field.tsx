import { Button, Form, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/**
 * The cited articles of a Q&A entry or a typical case: law and article number per row; the server
 * checks that each article exists in the current text of its law.
 */
export function CitationsField({ name = 'citations' }: { name?: string }) {
  const laws = useQuery({ queryKey: ['laws'], queryFn: () => api.get<{ items: { lawId: string; shortTitle: string }[] }>('/api/knowledge/laws') });
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label="引用条文" required extra="第一条请填最直接回答这个问题的条文：检索时它获得这条问答的全部权重，其后的条文依次递减">
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }} data-testid="citation-row">
              <Form.Item name={[f.name, 'lawId']} rules={[{ required: true, message: '请选择法规' }]}>
                <Select showSearch optionFilterProp="label" style={{ width: 260 }} options={(laws.data?.items ?? []).map((l) => ({ value: l.lawId, label: l.shortTitle }))} />
              </Form.Item>
              <Form.Item name={[f.name, 'articleNo']} rules={[{ required: true, message: '请填写条号' }]}>
                <InputNumber min={1} addonBefore="第" addonAfter="条" style={{ width: 150 }} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ lawId: 'labor-contract-law' })}>
            添加条文
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

/** Maps "citations.1" style server field paths to antd name paths. */
export const fieldPath = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never;
