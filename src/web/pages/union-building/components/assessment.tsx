import { useState } from 'react';
import { App, Button, Select, Space, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { zh } from '../../../locale/zh';

interface Scores {
  indicators: { id: string; name: string; maxScore: number }[];
  items: { enterpriseId: string; name: string; unionChair: string | null; scores: Record<string, number>; total: number | null; grade: string | null }[];
  total: number;
}

/** 工会年度考核: scores per enterprise union per year, entered through the API or imported from Excel. */
export function UnionAssessment() {
  const { me } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['union-scores', year, page], queryFn: () => api.get<Scores>(`/api/union-assessment/scores${qs({ year, page })}`) });
  const imp = useMutation({
    mutationFn: (file: File) => {
      const f = new FormData();
      f.append('file', file, file.name);
      return api.post<{ imported: number }>(`/api/union-assessment/import${qs({ year })}`, f);
    },
    onSuccess: (r) => {
      message.success(`已导入 ${r.imported} 家企业工会的得分`);
      void qc.invalidateQueries({ queryKey: ['union-scores'] });
    },
    onError: (e) => modal.error({ title: (e as Error).message, content: e instanceof ApiError ? e.fields.map((f) => <div key={f.field + f.message}>{f.message}</div>) : null }),
  });
  const manage = !!me?.abilities['unionAssessment.manage'];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select value={year} onChange={(v) => (setYear(v), setPage(1))} options={[0, 1, 2, 3].map((d) => ({ value: new Date().getFullYear() - d, label: `${new Date().getFullYear() - d}年度` }))} style={{ width: 120 }} />
        {manage && (
          <>
            <Button href={`/api/union-assessment/template.xlsx?year=${year}`}>下载导入模板</Button>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (imp.mutate(f), false)}>
              <Button icon={<UploadOutlined />} loading={imp.isPending}>从 Excel 导入得分</Button>
            </Upload>
          </>
        )}
      </Space>
      <Table
        rowKey="enterpriseId"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: zh.common.empty }}
        scroll={{ x: true }}
        pagination={{ current: page, total: q.data?.total, pageSize: 20, showTotal: zh.common.total, onChange: setPage }}
        columns={[
          { title: '企业工会', dataIndex: 'name', fixed: 'left' },
          ...(q.data?.indicators ?? []).map((i) => ({ title: `${i.name}（${i.maxScore}）`, render: (_: unknown, r: Scores['items'][number]) => r.scores[i.id] ?? '—' })),
          { title: '总分', dataIndex: 'total', render: (v: number | null) => v ?? '—' },
          { title: '等次', dataIndex: 'grade', render: (v: string | null) => (v ? <Tag color={v === '优秀' ? 'green' : v === '不合格' ? 'red' : 'blue'}>{v}</Tag> : '—') },
        ]}
      />
    </>
  );
}
