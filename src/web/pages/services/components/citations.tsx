import { Tag } from 'antd';

export function Citations({ items }: { items: { law: string; article: string }[] }) {
  return (
    <>
      {items.map((c) => (
        <Tag key={c.law + c.article} color="geekblue">
          《{c.law}》{c.article}
        </Tag>
      ))}
    </>
  );
}
