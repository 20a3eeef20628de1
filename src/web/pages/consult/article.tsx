import { Alert, Button, Card, List, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { zh } from '../../locale/zh';
import { AmendmentNotes } from './components/amendment-notes';
import { articlePath, type ArticleView, type LawHead } from './types';

interface ArticlePageData {
  law: LawHead;
  article: ArticleView;
  previous: ArticleView | null;
  next: ArticleView | null;
  qa: { id: string; question: string }[];
  cases: { id: string; title: string }[];
}

/** One article, its neighbours, and the Q&A entries and cases that cite it. */
export function ArticlePage() {
  const { lawId = '', no = '' } = useParams();
  const q = useQuery({
    queryKey: ['article', lawId, no],
    queryFn: () => api.get<ArticlePageData>(`/api/knowledge/laws/${encodeURIComponent(lawId)}/articles/${encodeURIComponent(no)}`),
  });
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Alert type="error" message={(q.error as Error)?.message ?? '加载失败'} />;
  const { law, article, previous, next } = q.data;
  const neighbour = (a: ArticleView | null, label: string) =>
    a ? (
      <Link to={articlePath(law.lawId, a.articleNo)}>
        <Button>
          {label}（{a.label}）
        </Button>
      </Link>
    ) : (
      <Button disabled>{label}</Button>
    );
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="article-title">
        {law.shortTitle} {article.label}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        《{law.title}》{law.issuer ? ` · ${law.issuer}` : ''}
        {law.effective ? ` · ${law.effective} 施行` : ''}
        {[article.chapter, article.section].filter(Boolean).length > 0 && ` · ${[article.chapter, article.section].filter(Boolean).join(' ')}`}
      </Typography.Paragraph>
      <AmendmentNotes notes={article.notes} />
      <Card size="small">
        <Typography.Paragraph className="kb-text" style={{ marginBottom: 0 }}>
          {article.text}
        </Typography.Paragraph>
      </Card>
      <Space style={{ margin: '12px 0' }} wrap>
        {neighbour(previous, zh.consult.previous)}
        {neighbour(next, zh.consult.next)}
        <Link to={`/consult/laws/${law.lawId}#a${article.articleNo}`}>{zh.consult.fullText}</Link>
      </Space>
      {previous && <NeighbourText a={previous} />}
      {next && <NeighbourText a={next} />}
      <Card size="small" title={`${zh.consult.citedBy}（${q.data.qa.length + q.data.cases.length}）`} style={{ marginTop: 12 }}>
        <List
          size="small"
          dataSource={[
            ...q.data.qa.map((x) => ({ key: x.id, to: `/consult/qa/${x.id}`, text: x.question, kind: '问答' })),
            ...q.data.cases.map((x) => ({ key: x.id, to: `/consult/cases/${x.id}`, text: x.title, kind: '案例' })),
          ]}
          renderItem={(x) => (
            <List.Item>
              <Link to={x.to}>
                [{x.kind}] {x.text}
              </Link>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}

function NeighbourText({ a }: { a: ArticleView }) {
  return (
    <Typography.Paragraph type="secondary" className="kb-text" ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ fontSize: 13 }}>
      {a.label} {a.text}
    </Typography.Paragraph>
  );
}
