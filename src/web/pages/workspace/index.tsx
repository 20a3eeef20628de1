import { Card, Col, Empty, Row, Skeleton, Statistic, Typography, Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { BarChart } from '../../components/bar-chart';
import { zh } from '../../locale/zh';

interface Workspace {
  title: string;
  cards: { key: string; label: string; value: number | string; unit?: string; hint?: string; link?: string }[];
  breakdown?: { title: string; items: { name: string; value: number }[] };
}

export function WorkspacePage() {
  const q = useQuery({ queryKey: ['workspace'], queryFn: () => api.get<Workspace>('/api/workspace') });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" message={zh.errors.loadFailed} description={(q.error as Error).message} />;
  const w = q.data!;
  return (
    <div>
      <Typography.Title level={3}>{w.title}</Typography.Title>
      {w.cards.length === 0 ? (
        <Empty description={zh.common.empty} />
      ) : (
        <Row gutter={[16, 16]}>
          {w.cards.map((c) => (
            <Col key={c.key} xs={24} sm={12} lg={8} xl={6}>
              <Card data-testid={`card-${c.key}`}>
                <Statistic title={c.label} value={c.value} suffix={c.unit} />
                {c.hint && <Typography.Text type="secondary">{c.hint}</Typography.Text>}
                {c.link && (
                  <div style={{ marginTop: 8 }}>
                    <Link to={c.link}>查看</Link>
                  </div>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {w.breakdown && (
        <Card title={w.breakdown.title} style={{ marginTop: 16 }}>
          <BarChart items={w.breakdown.items} />
        </Card>
      )}
    </div>
  );
}
