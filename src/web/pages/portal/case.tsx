import { Alert, Card, Descriptions, List, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { zh } from '../../locale/zh';
import { RateCard, RespondCard, UploadCard } from './components/case-parts';
import { yuan, type PortalCase } from './types';

/** A case as a party sees it: number, what is due next, the timeline in plain words, agreements to confirm. */
export function PortalCasePage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['portal-case', id], queryFn: () => api.get<PortalCase>(`/api/portal/cases/${id}`) });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  const c = q.data!;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 4, marginBottom: 4 }} data-testid="case-no">
        {c.caseNo}
      </Typography.Title>
      <div style={{ marginBottom: 12 }}>
        <Tag color="red" data-testid="case-status">
          {c.statusLabel}
        </Tag>
        <Tag>{c.partyLabel}</Tag>
      </div>
      {c.nextStep && <Alert type="warning" showIcon message="下一步" description={c.nextStep} style={{ marginBottom: 12 }} data-testid="next-step" />}
      {c.agreements.map((a) => (
        <Card key={a.id} size="small" style={{ marginBottom: 12 }} title={a.kindLabel} extra={<Tag color={a.status === 'effective' ? 'green' : 'orange'}>{a.statusLabel}</Tag>}>
          <div>金额：{yuan(a.totalAmount)}</div>
          {a.requiresConfirmation && (
            <div style={{ color: '#666', fontSize: 13 }}>
              确认情况：{a.confirmations.length ? a.confirmations.map((x) => `${x.partyLabel}已确认`).join('，') : '双方均未确认'}
            </div>
          )}
          <Link to={`/portal/cases/${c.id}/agreements/${a.id}`} data-testid="open-agreement">
            {a.status === 'pending_confirmation' && !a.confirmedByMe ? '阅读并确认协议' : '查看协议'}
          </Link>
        </Card>
      ))}
      {c.abilities.respond && <RespondCard c={c} />}
      <RateCard c={c} />
      <Card size="small" title="办理进度" style={{ marginBottom: 12 }}>
        <Timeline
          items={c.timeline.map((e) => ({
            children: (
              <div>
                <div>{e.text}</div>
                <div style={{ color: '#888', fontSize: 12 }}>
                  {e.on}
                  {e.reason ? ` · ${e.reason}` : ''}
                </div>
              </div>
            ),
          }))}
        />
      </Card>
      <Card size="small" title="申请内容" style={{ marginBottom: 12 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="申请人">{c.applicants.map((a) => a.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label="被申请人">{c.respondentName}</Descriptions.Item>
          <Descriptions.Item label="调解组织">{c.organizationName}</Descriptions.Item>
          <Descriptions.Item label="请求">{c.claims.map((x) => `${x.typeLabel} ${yuan(x.amount)}`).join('；')}</Descriptions.Item>
          <Descriptions.Item label="事实与理由">{c.facts}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="证据与材料" extra={c.abilities.upload && <UploadCard c={c} />}>
        <List
          size="small"
          locale={{ emptyText: '暂无' }}
          dataSource={c.attachments}
          renderItem={(f) => (
            <List.Item>
              <a href={`/api/cases/${c.id}/attachments/${f.id}`}>{f.fileName}</a>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
