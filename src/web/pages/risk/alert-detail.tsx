import { Alert, Card, Col, Descriptions, List, Row, Skeleton, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ALERT_STATUSES, STATUS_LABELS } from '../../../domain/risk/alert-lifecycle';
import { HARD_RULE_LABELS, type HardRuleCode } from '../../../domain/risk/hard-rules';
import { api } from '../../api';
import { BarChart } from '../../components/bar-chart';
import { zh } from '../../locale/zh';
import { AlertActions } from './components/alert-actions';
import { LevelTag } from './components/level-tag';
import { fmtDate, fmtTime, type AlertDetail } from './types';

const EVENT_LABELS: Record<string, string> = { open: '发出预警', raise: '等级提升', update: '新增原因', assign: '分派', assess: '研判', handle: '处置', close: '销号', escalate: '超时督办', letter: '生成文书' };

export function AlertDetailPage() {
  const { id } = useParams();
  const q = useQuery({ queryKey: ['alert', id], queryFn: () => api.get<AlertDetail>(`/api/alerts/${id}`) });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  const a = q.data!;
  const stepIndex = ALERT_STATUSES.indexOf(a.status as (typeof ALERT_STATUSES)[number]);
  return (
    <div>
      <Typography.Title level={3}>
        <LevelTag level={a.level} /> {a.enterprise ? a.enterprise.name : `${a.regionName} 区域性预警`}
      </Typography.Title>
      <Card>
        <Steps current={stepIndex} status={a.status === 'closed' ? 'finish' : a.overdueHours > 0 ? 'error' : 'process'} items={ALERT_STATUSES.map((s) => ({ title: STATUS_LABELS[s] }))} />
        {a.overdueHours > 0 && <Alert style={{ marginTop: 16 }} type="error" showIcon message={`已超过${a.deadline?.milestone === 'assess' ? '研判' : '销号'}时限 ${a.overdueHours} 小时，${a.escalationLabel}`} />}
        <div style={{ marginTop: 16 }}>
          <AlertActions alert={a} />
        </div>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card title="预警原因">
            <List
              dataSource={a.reasons}
              renderItem={(r) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <span>
                        <LevelTag level={r.level} /> {r.code === 'SCORE' ? '综合风险评分' : HARD_RULE_LABELS[r.code as HardRuleCode]} <Tag>{r.code}</Tag>
                      </span>
                    }
                    description={
                      <>
                        <div>{r.text}</div>
                        {r.basis && <Typography.Text type="secondary">依据：{r.basis}</Typography.Text>}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
          <Card title={`相关信号（${a.signals.length}）`} style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={a.signals}
              locale={{ emptyText: '该预警由参保人数变动触发，无关联信号' }}
              columns={[
                { title: '类型', dataIndex: 'kindLabel', width: 100 },
                { title: '发生日期', dataIndex: 'occurredAt', width: 110, render: fmtDate },
                { title: '来源', dataIndex: 'source', width: 130 },
                { title: '人数', dataIndex: 'workersAffected', width: 60, render: (v) => v ?? '—' },
                { title: '金额（元）', dataIndex: 'amount', width: 110, render: (v: number | null) => (v == null ? '—' : v.toLocaleString('zh-CN')) },
                { title: '说明', render: (_, s) => String(s.details?.text ?? s.details?.note ?? '') },
              ]}
            />
          </Card>
          {a.headcount.length > 0 && (
            <Card title="月度参保人数" style={{ marginTop: 16 }}>
              <BarChart items={a.headcount.map((h) => ({ name: h.month, value: h.insuredCount }))} height={220} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card title="基本信息">
            <Descriptions column={1} size="small">
              {a.enterprise && <Descriptions.Item label="统一社会信用代码">{a.enterprise.uscc}</Descriptions.Item>}
              <Descriptions.Item label="区域">{a.regionName}</Descriptions.Item>
              <Descriptions.Item label="风险评分">{a.score}</Descriptions.Item>
              <Descriptions.Item label="发出时间">{fmtTime(a.openedAt)}</Descriptions.Item>
              <Descriptions.Item label="时限">{a.deadline ? `${a.deadline.milestone === 'assess' ? '研判' : '销号'}截止 ${fmtTime(a.deadline.dueAt)}` : '已销号'}</Descriptions.Item>
              <Descriptions.Item label="处置人">{a.assignee?.name ?? '未分派'}</Descriptions.Item>
              {a.findings && <Descriptions.Item label="研判意见">{a.findings}</Descriptions.Item>}
              {a.actionsTaken && <Descriptions.Item label="处置措施">{a.actionsTaken}</Descriptions.Item>}
              {a.result && <Descriptions.Item label="销号结果">{a.result}</Descriptions.Item>}
            </Descriptions>
            {a.enterprise && <Link to={`/risk/signals?uscc=${a.enterprise.uscc}`}>查看该企业全部信号</Link>}
          </Card>
          <Card title="处置记录" style={{ marginTop: 16 }}>
            <Timeline
              items={a.events.map((e) => ({
                color: e.action === 'escalate' ? 'red' : e.action === 'close' ? 'green' : 'blue',
                children: (
                  <>
                    <b>{EVENT_LABELS[e.action] ?? e.action}</b> · {fmtTime(e.at)} · {e.actorName ?? '系统'}
                    {e.note && <div style={{ color: '#595959' }}>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
