import { Card, Descriptions, Empty, Layout, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api } from '../../api';

interface OrgPage { id: string; name: string; address: string | null; hours: string | null; phone: string | null; standardizedOn: string | null; goldOn: string | null; rules: string | null; procedures: string | null; mediators: { id: string; name: string; specialities: string[]; certificateNo: string | null }[] }

/** 上墙公布 as a public page: a mediation organisation's rules, procedure and mediator list (no sign-in). */
export function MediationOrgPublicPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['public-mediation-org', id], queryFn: () => api.get<OrgPage>(`/api/public/mediation-orgs/${id}`) });
  const o = q.data;
  const text = (s: string | null) => (s ? s.split('\n').map((l) => <Typography.Paragraph key={l} style={{ marginBottom: 4 }}>{l}</Typography.Paragraph>) : <Typography.Text type="secondary">暂未公布</Typography.Text>);
  return (
    <Layout style={{ minHeight: '100vh', padding: 24, background: '#f5f5f5' }}>
      <Card style={{ maxWidth: 900, margin: '0 auto', width: '100%' }} loading={q.isLoading}>
        {q.isError && <Empty description="调解组织不存在" />}
        {o && (
          <>
            <Typography.Title level={3} style={{ color: '#c0392b' }}>{o.name}</Typography.Title>
            {o.standardizedOn && <Tag color="gold">规范化调解组织（{o.standardizedOn.slice(0, 4)}年认定）</Tag>}
            {o.goldOn && <Tag color="red">金牌调解组织</Tag>}
            <Descriptions size="small" column={1} style={{ margin: '16px 0' }} items={[{ label: '地址', children: o.address ?? '—' }, { label: '办公时间', children: o.hours ?? '—' }, { label: '电话', children: o.phone ?? '—' }]} />
            <Typography.Title level={5}>工作制度</Typography.Title>
            {text(o.rules)}
            <Typography.Title level={5}>调解程序</Typography.Title>
            {text(o.procedures)}
            <Typography.Title level={5}>调解员名单</Typography.Title>
            <List size="small" dataSource={o.mediators} locale={{ emptyText: '暂无' }} renderItem={(m) => <List.Item><span><Typography.Text strong style={{ marginRight: 8 }}>{m.name}</Typography.Text>{m.specialities.map((s) => <Tag key={s}>{s}</Tag>)}<Typography.Text type="secondary">{m.certificateNo ? `证书 ${m.certificateNo}` : ''}</Typography.Text></span></List.Item>} />
          </>
        )}
      </Card>
    </Layout>
  );
}
