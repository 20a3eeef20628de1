import { Alert, Card, Empty, Input, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { api, qs } from '../../api';
import { zh } from '../../locale/zh';
import { AmendmentNotes } from './components/amendment-notes';
import { Citations } from './components/citations';
import { Clamp } from './components/clamp';
import { Highlight } from './components/highlight';
import { articlePath, type SearchItem, type SearchResult } from './types';

const EXAMPLES = ['公司不跟我签合同，干了半年了，能要求什么赔偿？', '周末加班工资怎么算', '怀孕了公司要辞退我', '劳动合同法第47条'];

/** Public consultation: ask in your own words, get a plain answer, the articles and the cases. */
export function ConsultPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const result = useQuery({
    queryKey: ['knowledge-search', q],
    queryFn: () => api.get<SearchResult>(`/api/knowledge/search${qs({ q, limit: 20 })}`),
    enabled: q.trim().length > 0,
  });
  const items = result.data?.items ?? [];
  const terms = result.data?.terms ?? [];
  const byKind = (k: SearchItem['kind']) => items.filter((i) => i.kind === k);

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {zh.consult.title}
      </Typography.Title>
      <Input.Search
        data-testid="consult-search"
        size="large"
        allowClear
        enterButton={zh.consult.search}
        placeholder={zh.consult.searchPlaceholder}
        defaultValue={q}
        key={q}
        maxLength={200}
        onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
      />
      {!q && (
        <Space size={[6, 6]} wrap style={{ marginTop: 12 }}>
          {EXAMPLES.map((e) => (
            <Tag key={e} style={{ cursor: 'pointer' }} onClick={() => setParams({ q: e })}>
              {e}
            </Tag>
          ))}
        </Space>
      )}
      {result.isLoading && <Skeleton active style={{ marginTop: 16 }} />}
      {result.error && <Alert style={{ marginTop: 16 }} type="error" message={(result.error as Error).message} />}
      {result.data && (
        <div style={{ marginTop: 16 }}>
          {result.data.understood.expansions.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {zh.consult.understood}：
              {[...new Set(result.data.understood.expansions.map((e) => e.term))].slice(0, 8).join('、')}
            </Typography.Paragraph>
          )}
          {items.length === 0 && <Empty description={zh.consult.noResult} />}
          {result.data.answer && (
            <Card data-testid="plain-answer" size="small" title={zh.consult.plainAnswer} style={{ marginBottom: 12, borderColor: '#f0b7ae' }}>
              <Typography.Text strong>{result.data.answer.question}</Typography.Text>
              <Typography.Paragraph className="kb-text" style={{ marginTop: 8 }}>
                <Highlight text={result.data.answer.answer} terms={terms} />
              </Typography.Paragraph>
              <Citations items={result.data.answer.citations} />
            </Card>
          )}
          <Section title={zh.consult.articles} items={byKind('article')} terms={terms} />
          <Section title={zh.consult.qa} items={byKind('qa')} terms={terms} />
          <Section title={zh.consult.cases} items={byKind('case')} terms={terms} />
        </div>
      )}
    </div>
  );
}

function linkOf(item: SearchItem): string {
  switch (item.kind) {
    case 'article':
      return articlePath(item.lawId, item.articleNo);
    case 'qa':
      return `/consult/qa/${item.id}`;
    case 'case':
      return `/consult/cases/${item.id}`;
  }
}

function Section({ title, items, terms }: { title: string; items: SearchItem[]; terms: string[] }) {
  if (items.length === 0) return null;
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <List
        dataSource={items}
        renderItem={(item) => (
          <List.Item data-testid={`result-${item.kind}`} style={{ display: 'block' }}>
            <Link to={linkOf(item)}>
              <Typography.Text strong>
                <Highlight text={item.title} terms={item.kind === 'article' ? [] : terms} />
              </Typography.Text>
            </Link>
            <div style={{ margin: '4px 0' }}>
              <Clamp rows={4}>
                <Highlight text={item.kind === 'article' ? item.text : item.snippet} terms={item.matched.length > 0 ? item.matched : terms} />
              </Clamp>
            </div>
            {item.kind === 'article' && <AmendmentNotes notes={item.notes} />}
            {item.kind !== 'article' && item.citations.length > 0 && <Citations items={item.citations} />}
          </List.Item>
        )}
      />
    </Card>
  );
}
