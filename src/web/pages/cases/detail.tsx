import { Alert, Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api } from '../../api';
import { zh } from '../../locale/zh';
import { ActionsPanel } from './components/actions-panel';
import { AgreementCard } from './components/agreement-card';
import { DocumentsCard } from './components/documents-card';
import { AttachmentsCard, PublishButton, RevealButton } from './components/extras';
import { SessionsCard } from './components/sessions-card';
import { useAuth } from '../../auth';
import { DUE_COLORS, DUE_LABELS, yuan, type CaseDetail } from './types';
import { CaseMediatorCard } from '../mediator-dev/case-mediator';

/** Case statuses in which an online mediation session can be scheduled (as the server checks). */
const SCHEDULABLE = ['registered', 'negotiating', 'mediating', 'arbitration_pending', 'arbitrating'];

/** One case: parties and claims, statutory deadlines, the actions offered by `abilities`, documents, agreement, timeline. */
export function CaseDetailPage() {
  const { id } = useParams();
  const q = useQuery({ queryKey: ['case', id], queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`) });
  const { me } = useAuth();
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  const c = q.data!;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {c.caseNo}
            </Typography.Title>
            <Tag color="blue">{c.stageLabel}</Tag>
            <Tag data-testid="case-status">{c.statusLabel}</Tag>
            {c.collective && <Tag color="volcano">集体争议 · 优先处理</Tag>}
            {c.dueStatus && c.dueStatus !== 'ok' && <Tag color={DUE_COLORS[c.dueStatus]}>{DUE_LABELS[c.dueStatus]}</Tag>}
          </Space>
          <Space wrap>
            <PublishButton c={c} />
            <ActionsPanel c={c} />
          </Space>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label="被申请人">{c.respondent.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{c.respondent.uscc}</Descriptions.Item>
          <Descriptions.Item label="受理组织">{c.organizationName}</Descriptions.Item>
          <Descriptions.Item label="收到申请">{c.receivedDate}</Descriptions.Item>
          <Descriptions.Item label="来源">{c.sourceLabel}</Descriptions.Item>
          <Descriptions.Item label="请求 / 协议 / 已履行">{`${yuan(c.amountClaimed)} / ${yuan(c.amountAgreed)} / ${yuan(c.amountPaid)}`}</Descriptions.Item>
        </Descriptions>
      </Card>
      <CaseMediatorCard caseId={c.id} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Card title={`申请人（${c.applicantCount}人）`} size="small" extra={<RevealButton c={c} />}>
              <Table
                rowKey="id"
                size="small"
                pagination={c.applicants.length > 10 ? { pageSize: 10 } : false}
                dataSource={c.applicants}
                columns={[
                  { title: '姓名', dataIndex: 'name' },
                  { title: '手机', dataIndex: 'phoneMasked' },
                  { title: '身份证号码', dataIndex: 'idNumberMasked' },
                ]}
              />
            </Card>
            <Card title="请求事项" size="small">
              <Table
                rowKey={(r) => r.type + r.amount}
                size="small"
                pagination={false}
                dataSource={c.claims}
                columns={[
                  { title: '类型', dataIndex: 'typeLabel' },
                  { title: '金额', dataIndex: 'amount', render: yuan },
                  { title: '说明', dataIndex: 'description' },
                ]}
              />
              <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{c.facts}</Typography.Paragraph>
            </Card>
            <SessionsCard caseId={c.id} canSchedule={!!me?.abilities['session.schedule'] && c.abilities.update && SCHEDULABLE.includes(c.status)} />
            <AgreementCard c={c} />
            <DocumentsCard c={c} />
            <AttachmentsCard c={c} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Card title="法定期限" size="small">
              {c.deadlineWarnings.map((w) => (
                <Alert key={w} type="warning" message={w} style={{ marginBottom: 8 }} />
              ))}
              {c.deadlineDetails.length === 0
                ? '—'
                : c.deadlineDetails.map((d) => (
                    <div key={d.kind} style={{ marginBottom: 8 }} data-testid={`deadline-${d.kind}`}>
                      <b>{d.label}</b>：{d.due}
                      <div style={{ color: '#888', fontSize: 12 }}>{d.basis}</div>
                    </div>
                  ))}
              {c.collectiveMeasures.length > 0 && (
                <Alert
                  type="info"
                  message="集体争议处理要求"
                  description={
                    <ul style={{ paddingLeft: 16, margin: 0 }}>
                      {c.collectiveMeasures.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  }
                />
              )}
            </Card>
            <Card title="办理过程" size="small">
              <Timeline
                items={c.timeline.map((e) => ({
                  children: (
                    <div>
                      <b>{e.actionLabel}</b>{' '}
                      <span style={{ color: '#888' }}>
                        {e.on} · {e.actorName ?? ''}
                      </span>
                      {e.reason && <div>理由：{e.reason}</div>}
                    </div>
                  ),
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
