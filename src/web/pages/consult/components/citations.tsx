import { Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { articlePath, type CitationView } from '../types';

/** Cited articles as links to the article view. */
export function Citations({ items }: { items: readonly CitationView[] }) {
  return (
    <Space size={[4, 4]} wrap>
      {items.map((c) => (
        <Link key={`${c.lawId}#${c.articleNo}`} to={articlePath(c.lawId, c.articleNo)}>
          <Tag color="red">{c.title}</Tag>
        </Link>
      ))}
    </Space>
  );
}
