import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api } from '../../api';
import { LineTrend } from '../../components/charts';
import { zh } from '../../locale/zh';
import { EditDrawer } from './components/edit-drawer';
import { EnterpriseTimelineCard } from './components/timeline-card';
import { RecognitionsCard } from './components/recognitions-card';
import { EnterpriseCreditCard } from '../credit/components/enterprise-credit-card';
import { RISK_COLORS, type EnterpriseDetail } from './types';

const pct = (v: number | null) => (v == null ? '—' : `${Math.round(v * 1000) / 10}%`);

export function EnterpriseDetailPage() {
  const { id } = useParams();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['enterprise', id], queryFn: () => api.get<EnterpriseDetail>(`/api/enterprises/${id}`) });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  const e = q.data!;
  const reveal = async () => {
    try {
      const r = await api.post<{ contactPhone: string | null; contacts: { name: string; phone?: string }[] }>(`/api/enterprises/${e.id}/reveal-contacts`);
      modal.info({ title: '联系人完整电话（已记入审计日志）', content: [`${e.contactName ?? ''} ${r.contactPhone ?? '—'}`, ...r.contacts.map((c) => `${c.name} ${c.phone ?? ''}`)].join('\n') });
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>{e.name}</span>
            {e.isKey && <Tag color="volcano">重点企业</Tag>}
            {e.unionEstablished ? <Tag color="green">已建会</Tag> : <Tag>未建会</Tag>}
            {e.riskLevel && <Tag color={RISK_COLORS[e.riskLevel]}>{e.riskName}预警</Tag>}
            {e.creditGrade && <Tag color={{ A: 'green', B: 'gold', C: 'red' }[e.creditGrade]}>守法诚信{e.creditGrade}级</Tag>}
          </Space>
        }
        extra={
          <Space>
            {e.abilities.reveal && <Button onClick={() => void reveal()}>查看完整电话</Button>}
            {e.abilities.update && <Button type="primary" onClick={() => setEditing(true)}>编辑</Button>}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label="统一社会信用代码">{e.uscc}</Descriptions.Item>
          <Descriptions.Item label="法定代表人">{e.legalRepresentative ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="街道（镇）/园区">{[e.streetName, e.parkName].filter(Boolean).join(' / ')}</Descriptions.Item>
          <Descriptions.Item label="地址">{e.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="行业">{e.industryCode ? `${e.industryCode} ${e.industryName}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="经济类型">{e.ownershipName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="企业规模">{e.sizeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="职工人数">{e.headcount ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="劳动合同签订率">{pct(e.contractSigningRate)}</Descriptions.Item>
          <Descriptions.Item label="建会时间">{e.unionEstablishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="工会主席">{e.unionChair ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="工会会员（入会率）">{e.unionMembers != null ? `${e.unionMembers}（${pct(e.unionMemberRate)}）` : '—'}</Descriptions.Item>
          <Descriptions.Item label="集体合同">{e.collectiveContractName ?? '待集体合同模块填报'}</Descriptions.Item>
          <Descriptions.Item label="劳动关系协调员">{e.coordinatorName ?? '未分配'}</Descriptions.Item>
          <Descriptions.Item label="联系人">{[e.contactName, e.contactPhone].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
          {e.contacts.map((c, i) => (
            <Descriptions.Item key={i} label={c.role || '其他联系人'}>{`${c.name} ${c.phone ?? ''}`}</Descriptions.Item>
          ))}
          <Descriptions.Item label="成立日期">{e.registeredOn ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="职工人数变化">
            {e.headcountHistory.length ? <LineTrend name="职工人数" categories={e.headcountHistory.map((h) => h.asOf)} values={e.headcountHistory.map((h) => h.headcount)} /> : <Empty description={zh.common.empty} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <EnterpriseTimelineCard enterpriseId={e.id} />
        </Col>
      </Row>
      <RecognitionsCard enterpriseId={e.id} />
      <EnterpriseCreditCard enterpriseId={e.id} />
      {editing && <EditDrawer e={e} open={editing} onClose={() => setEditing(false)} />}
    </Space>
  );
}
