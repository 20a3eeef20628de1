import { Alert, Card, List, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { zh } from '../../locale/zh';
import { AmendmentNotes } from './components/amendment-notes';
import { Citations } from './components/citations';
import type { AmendmentNote, CaseView, LawHead, QaView } from './types';

export function QaDetailPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['qa', id], queryFn: () => api.get<QaView>(`/api/knowledge/qa/${encodeURIComponent(id)}`) });
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Alert type="error" message={(q.error as Error)?.message ?? '加载失败'} />;
  return (
    <Card title={zh.consult.qa}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {q.data.question}
      </Typography.Title>
      <Typography.Paragraph className="kb-text">{q.data.answer}</Typography.Paragraph>
      <Citations items={q.data.citations} />
      <div style={{ marginTop: 8 }}>
        {q.data.tags.map((t) => (
          <Tag key={t}>{t}</Tag>
        ))}
      </div>
    </Card>
  );
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['case', id], queryFn: () => api.get<CaseView>(`/api/knowledge/cases/${encodeURIComponent(id)}`) });
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Alert type="error" message={(q.error as Error)?.message ?? '加载失败'} />;
  return (
    <Card title={zh.consult.cases}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {q.data.title}
      </Typography.Title>
      {q.data.collection && <Typography.Paragraph type="secondary">{[q.data.issuer, q.data.collection].filter(Boolean).join(' · ')}</Typography.Paragraph>}
      <Typography.Title level={5}>基本案情</Typography.Title>
      <Typography.Paragraph className="kb-text">{q.data.facts}</Typography.Paragraph>
      <Typography.Title level={5}>裁判结果与分析</Typography.Title>
      <Typography.Paragraph className="kb-text">{q.data.holding}</Typography.Paragraph>
      <Citations items={q.data.citations} />
    </Card>
  );
}

interface LawListItem {
  lawId: string;
  title: string;
  issuer: string | null;
  effective: string | null;
  articleCount: number;
  versions: { version: string; effective: string | null; isCurrent: boolean }[];
}

export function LawListPage() {
  const q = useQuery({ queryKey: ['laws'], queryFn: () => api.get<{ items: LawListItem[] }>('/api/knowledge/laws') });
  if (q.isLoading) return <Skeleton active />;
  return (
    <Card title={zh.consult.laws}>
      <List
        dataSource={q.data?.items ?? []}
        renderItem={(l) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/consult/laws/${l.lawId}`}>{l.title}</Link>}
              description={`${l.issuer ?? ''} · ${l.effective ?? ''} 施行 · ${l.articleCount} 条${l.versions.length > 1 ? ` · ${l.versions.length} 个版本` : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function LawTextPage() {
  const { lawId = '' } = useParams();
  const q = useQuery({
    queryKey: ['law', lawId],
    queryFn: () => api.get<LawHead & { articles: { articleNo: number; label: string; chapter: string | null; text: string; notes?: AmendmentNote[] }[] }>(`/api/knowledge/laws/${encodeURIComponent(lawId)}`),
  });
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Alert type="error" message={(q.error as Error)?.message ?? '加载失败'} />;
  let chapter: string | null = null;
  return (
    <Card title={q.data.title} extra={q.data.effective ? `${q.data.effective} 施行` : undefined}>
      {q.data.articles.map((a) => {
        const head = a.chapter && a.chapter !== chapter ? a.chapter : null;
        chapter = a.chapter;
        return (
          <div key={a.articleNo} id={`a${a.articleNo}`}>
            {head && <Typography.Title level={5}>{head}</Typography.Title>}
            <AmendmentNotes notes={a.notes} />
            <Typography.Paragraph className="kb-text">
              <Link to={`/consult/articles/${q.data.lawId}/${a.articleNo}`}>
                <strong>{a.label}</strong>
              </Link>{' '}
              {a.text}
            </Typography.Paragraph>
          </div>
        );
      })}
    </Card>
  );
}
