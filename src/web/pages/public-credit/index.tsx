import { useState } from 'react';
import { Alert, Card, Collapse, Descriptions, Input, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api';

interface PublicListing { enterpriseName: string; uscc: string; kind: string; kindName: string; basis: string; listedOn: string; listedUntil: string }
interface PublicPlan {
  id: string;
  title: string;
  year: number;
  items: { code: string; name: string; basis: string }[];
  ratio: number;
  directorySize: number | null;
  seed: string | null;
  fingerprint: string | null;
  publishedAt: string | null;
  results: { enterpriseName: string; uscc: string; result: string | null; resultName: string | null; inspectedOn: string | null }[];
}

/** 信用信息公示: the red and black lists (query by name or credit code) and the published 双随机 results. */
export function PublicCreditPage() {
  const [kind, setKind] = useState<'red' | 'black'>('red');
  const [name, setName] = useState('');
  const [page, setPage] = useState(1);
  const lists = useQuery({ queryKey: ['public-credit-lists', kind, name, page], queryFn: () => api.get<{ items: PublicListing[]; total: number }>(`/api/public/credit-lists${qs({ kind, name: name || undefined, page, pageSize: 15 })}`) });
  const plans = useQuery({ queryKey: ['public-inspections'], queryFn: () => api.get<{ items: PublicPlan[] }>('/api/public/inspections') });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3}>劳动保障信用信息公示</Typography.Title>
      <Tabs
        items={[
          {
            key: 'lists',
            label: '红黑名单查询',
            children: (
              <Card>
                <Space style={{ marginBottom: 12 }} wrap>
                  <Segmented value={kind} onChange={(v) => (setKind(v as 'red' | 'black'), setPage(1))} options={[{ value: 'red', label: '守法诚信红名单' }, { value: 'black', label: '拖欠农民工工资失信联合惩戒对象名单' }]} />
                  <Input.Search placeholder="企业名称或统一社会信用代码" allowClear onSearch={(v) => (setName(v.trim()), setPage(1))} style={{ width: 320 }} />
                </Space>
                <Table<PublicListing>
                  rowKey={(r) => `${r.kind}-${r.uscc}`}
                  size="small"
                  dataSource={lists.data?.items}
                  pagination={{ current: page, total: lists.data?.total, pageSize: 15, onChange: setPage, showSizeChanger: false }}
                  locale={{ emptyText: '未查询到名单信息' }}
                  columns={[
                    { title: '企业名称', dataIndex: 'enterpriseName', width: 220 },
                    { title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
                    { title: '列入依据', dataIndex: 'basis' },
                    { title: '列入日期', dataIndex: 'listedOn', width: 110 },
                    { title: '有效期至', dataIndex: 'listedUntil', width: 110 },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'inspections',
            label: '“双随机、一公开”抽查结果',
            children: (
              <Card>
                <Alert style={{ marginBottom: 12 }} type="info" showIcon message="检查对象和执法人员均随机抽取；公布的随机种子和指纹可用于复核抽取过程。" />
                {plans.data?.items.length ? (
                  <Collapse
                    defaultActiveKey={plans.data.items[0]?.id}
                    items={plans.data.items.map((p) => ({
                      key: p.id,
                      label: `${p.title}（抽查${p.results.length}户，公开于${p.publishedAt?.slice(0, 10)}）`,
                      children: (
                        <>
                          <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
                            <Descriptions.Item label="抽查事项" span={2}>{p.items.map((i) => i.name).join('；')}</Descriptions.Item>
                            <Descriptions.Item label="抽查比例">{Math.round(p.ratio * 1000) / 10}%（名录库{p.directorySize}户）</Descriptions.Item>
                            <Descriptions.Item label="随机种子 / 指纹">{p.seed} / {p.fingerprint}</Descriptions.Item>
                          </Descriptions>
                          <Table
                            rowKey="uscc"
                            size="small"
                            pagination={{ pageSize: 20 }}
                            dataSource={p.results}
                            columns={[
                              { title: '企业名称', dataIndex: 'enterpriseName' },
                              { title: '统一社会信用代码', dataIndex: 'uscc' },
                              { title: '检查结果', render: (_, r) => <Tag color={r.result === 'violation' ? 'red' : r.result === 'compliant' ? 'green' : 'orange'}>{r.resultName}</Tag> },
                              { title: '检查日期', dataIndex: 'inspectedOn' },
                            ]}
                          />
                        </>
                      ),
                    }))}
                  />
                ) : (
                  <Typography.Text type="secondary">暂无公开的抽查结果</Typography.Text>
                )}
              </Card>
            ),
          },
        ]}
      />
    </Space>
  );
}
