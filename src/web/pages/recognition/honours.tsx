import { Card, Empty, Layout, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api';
import { AWARD_KINDS } from './labels';

interface Honour { id: string; year: number; kind: string; kindLabel: string; name: string; nominatedBy: string; deeds: string; region: string | null; announcedOn: string }

/** Public page, no sign-in: 金牌 coordinators, social organisations, mediation organisations and mediators. */
export function GoldHonoursPage() {
  const [kind, setKind] = useState<string>();
  const q = useQuery({ queryKey: ['gold-honours', kind], queryFn: () => api.get<{ items: Honour[] }>(`/api/public/gold-honours${qs({ kind })}`) });
  return (
    <Layout style={{ minHeight: '100vh', padding: 24, background: '#f5f5f5' }}>
      <Card style={{ maxWidth: 1000, margin: '0 auto', width: '100%' }}>
        <Typography.Title level={3} style={{ color: '#c0392b' }}>金牌荣誉榜</Typography.Title>
        <Space style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">经推荐、评审、公示后公布的年度金牌劳动关系协调员、金牌社会组织、金牌调解组织和金牌调解员。</Typography.Text>
          <Select allowClear placeholder="全部类别" style={{ width: 200 }} options={AWARD_KINDS} onChange={setKind} />
        </Space>
        <Table<Honour>
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items}
          locale={{ emptyText: <Empty description="暂无公布的评选结果" /> }}
          pagination={{ pageSize: 20 }}
          expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ margin: 0 }}>{r.deeds}</Typography.Paragraph> }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '荣誉', dataIndex: 'kindLabel', render: (v: string) => <Tag color="gold">{v}</Tag> },
            { title: '名称', dataIndex: 'name' },
            { title: '推荐单位', dataIndex: 'nominatedBy' },
            { title: '公布日期', dataIndex: 'announcedOn' },
          ]}
        />
      </Card>
    </Layout>
  );
}
