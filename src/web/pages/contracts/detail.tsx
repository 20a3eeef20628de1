import { useRef } from 'react';
import { Alert, Card, Col, Descriptions, Row, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { ClausePanel } from './components/clause-panel';
import { ContractActions } from './components/contract-actions';
import { EVENT_LABELS, STATUS_COLORS, type ContractDetail } from './types';

function ClockBanner({ c }: { c: ContractDetail }) {
  if (c.status === 'under_review' && c.reviewClock)
    return <Alert data-testid="review-clock" type={c.reviewClock.daysLeft <= 3 ? 'warning' : 'info'} showIcon message={`审查期：${c.receivedOn} 收到文本，至 ${c.reviewClock.deadline} 止，剩余 ${c.reviewClock.daysLeft} 天`} description={`劳动行政部门自收到文本之日起十五日内未提出异议的，集体合同即行生效（劳动合同法 第五十四条）；届时将于 ${c.reviewClock.effectiveOn} 生效。`} />;
  if (c.status === 'effective') return <Alert data-testid="review-clock" type="success" showIcon message={`已生效（${c.effectiveOn ?? ''}起）${c.expired ? '，合同期限已届满' : ''}`} />;
  if (c.status === 'objected') return <Alert type="error" showIcon message="劳动行政部门提出异议" description={c.reviewOpinion} />;
  if (c.status === 'draft') return <Alert type="info" showIcon message={c.file ? '请核对条款审查结果后报送审查' : '请上传双方签字的合同文本（.docx 或 .pdf）'} description={c.filing ? `应自首席代表签字之日起10日内报送（集体合同规定 第四十二条），即不迟于 ${c.filing.due}` : undefined} />;
  return null;
}

export function ContractDetailPage() {
  const { id } = useParams();
  const textRef = useRef<HTMLDivElement>(null);
  const q = useQuery({ queryKey: ['contract', id], queryFn: () => api.get<ContractDetail>(`/api/collective-contracts/${id}`) });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={(q.error as Error).message} />;
  const c = q.data!;
  const jump = (start: number) => {
    const el = textRef.current;
    if (!el) return;
    const lines = c.text.slice(0, start).split('\n').length;
    el.scrollTop = Math.max(0, (lines - 3) * 24);
  };
  return (
    <div>
      <Card
        title={
          <span>
            {c.title} <Tag color={STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>
          </span>
        }
        extra={<Link to="/contracts">返回台账</Link>}
      >
        <ClockBanner c={c} />
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label="类型">{c.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="范围">{c.enterpriseName ?? `${c.scopeLabel}（${c.regionName ?? c.regionId}，${c.enterpriseCount}家企业）`}</Descriptions.Item>
          <Descriptions.Item label="首席代表">{[c.employerRepresentative, c.workerRepresentative].filter(Boolean).join(' / ') || '—'}</Descriptions.Item>
          <Descriptions.Item label="期限">{c.termStart ? `${c.termStart} 至 ${c.termEnd}` : '—'} {c.term && !c.term.ok && <Tag color="orange">{c.term.reason}</Tag>}</Descriptions.Item>
          <Descriptions.Item label="签字日期">{c.signedOn ?? '—'} {c.filing?.late && <Tag color="orange">逾期报送</Tag>}</Descriptions.Item>
          <Descriptions.Item label="职代会">{c.congressOn ? `${c.congressOn}，${c.congressVotesFor ?? '—'}/${c.congressDelegates ?? '—'}票` : '—'}</Descriptions.Item>
          <Descriptions.Item label="覆盖职工">{c.coveredEmployees ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="文件">{c.file ? `${c.file.name}（${Math.round(c.file.size / 1024)}KB）` : '未上传'} {c.file && !c.file.searchable && <Tag color="warning">扫描件，不可检索</Tag>}</Descriptions.Item>
          {c.negotiationId && <Descriptions.Item label="集体协商"><Link to={`/contracts/negotiations/${c.negotiationId}`}>查看协商过程</Link></Descriptions.Item>}
        </Descriptions>
        <ContractActions c={c} />
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title="合同文本">
            <div ref={textRef} data-testid="contract-text" style={{ maxHeight: 620, overflow: 'auto', whiteSpace: 'pre-wrap', lineHeight: '24px', fontFamily: 'FangSong, STFangsong, serif', fontSize: 15 }}>
              {c.text || <Typography.Text type="secondary">{c.file ? '该文件为扫描件，未能提取文字，请下载原件人工审查。' : '尚未上传合同文本。'}</Typography.Text>}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <ClausePanel detail={c} onJump={jump} />
          <Card size="small" title="办理记录" style={{ marginTop: 16 }}>
            <Timeline items={c.events.map((e) => ({ children: `${e.onDate} ${EVENT_LABELS[e.action] ?? e.action}${e.actorName ? `（${e.actorName}）` : ''}${e.note ? `：${e.note}` : ''}` }))} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
