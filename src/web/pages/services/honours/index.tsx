import { Card, Layout, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api';
import { LEVEL_LABELS, SUBJECT_LABELS } from '../labels';

interface Honour { id: string; subjectKind: keyof typeof SUBJECT_LABELS; name: string; regionName: string | null; year: number; level: keyof typeof LEVEL_LABELS; recognisedOn: string }

/** Public page, no sign-in: recognised harmonious enterprises, parks and streets. */
export function HonoursPage() {
  const q = useQuery({ queryKey: ['honours'], queryFn: () => api.get<{ items: Honour[] }>('/api/public/honours') });
  return (
    <Layout style={{ minHeight: '100vh', padding: 24, background: '#f5f5f5' }}>
      <Card style={{ maxWidth: 1000, margin: '0 auto', width: '100%' }}>
        <Typography.Title level={3} style={{ color: '#c0392b' }}>劳动关系和谐单位荣誉榜</Typography.Title>
        <Typography.Paragraph type="secondary">经企业自评、主管部门评审后命名的劳动关系和谐企业、和谐工业园区、和谐乡镇（街道）。</Typography.Paragraph>
        <Table<Honour>
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '名称', dataIndex: 'name' },
            { title: '类别', dataIndex: 'subjectKind', render: (v: Honour['subjectKind']) => SUBJECT_LABELS[v] },
            { title: '所在区域', dataIndex: 'regionName' },
            { title: '等级', dataIndex: 'level', render: (v: Honour['level']) => <Tag color="gold">{LEVEL_LABELS[v]}</Tag> },
            { title: '命名日期', dataIndex: 'recognisedOn' },
          ]}
        />
      </Card>
    </Layout>
  );
}
