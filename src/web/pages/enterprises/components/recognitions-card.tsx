import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../api';
import { LEVEL_LABELS } from '../../../../domain/enterprise-services/harmony';

interface Honour { id: string; year: number; level: keyof typeof LEVEL_LABELS | null; recognisedOn: string | null; name: string }

/** Harmonious labor-relations recognitions of the enterprise (和谐劳动关系单位, level and year), newest first. */
export function RecognitionsCard({ enterpriseId }: { enterpriseId: string }) {
  const q = useQuery({ queryKey: ['enterprise-honours', enterpriseId], queryFn: () => api.get<{ items: Honour[] }>(`/api/public/honours${qs({ enterpriseId, kind: 'enterprise' })}`) });
  return (
    <Card title="荣誉与认定" data-testid="recognitions">
      {q.data?.items.length ? (
        <List
          size="small"
          dataSource={q.data.items}
          renderItem={(h) => (
            <List.Item>
              <Space>
                <Tag color="gold">{h.level ? LEVEL_LABELS[h.level] : '已命名'}</Tag>
                <Typography.Text strong>{h.year}年度劳动关系和谐企业</Typography.Text>
                {h.recognisedOn && <Typography.Text type="secondary">命名日期 {h.recognisedOn}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty description="暂无荣誉记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}
