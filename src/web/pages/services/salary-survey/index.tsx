import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Spin, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import { FormEditor, type SurveyForm } from './form-editor';

interface Round { id: string; year: number; deadline: string; minimumMonthlyWage: number }

export function SalarySurveyPage() {
  const qc = useQueryClient();
  const rounds = useQuery({ queryKey: ['survey-rounds'], queryFn: () => api.get<{ items: Round[] }>('/api/salary-survey/rounds') });
  const [year, setYear] = useState<number | null>(null);
  const y = year ?? rounds.data?.items[0]?.year ?? null;
  const round = rounds.data?.items.find((r) => r.year === y);
  const mine = useQuery({ queryKey: ['survey-forms', 'mine'], queryFn: () => api.get<{ items: { id: string; year: number }[] }>('/api/salary-survey/forms?pageSize=50') });
  const existing = mine.data?.items.find((i) => i.year === y);
  const form = useQuery({ queryKey: ['survey-form', existing?.id], queryFn: () => api.get<SurveyForm>(`/api/salary-survey/forms/${existing!.id}`), enabled: !!existing });
  const open = useMutation({
    mutationFn: () => api.post<SurveyForm>('/api/salary-survey/forms', { year: y }),
    onSuccess: (f) => {
      qc.setQueryData(['survey-form', f.id], f);
      void qc.invalidateQueries({ queryKey: ['survey-forms'] });
    },
  });
  return (
    <div>
      <Typography.Title level={3}>企业薪酬调查</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <span>调查年度</span>
        <Select style={{ width: 120 }} value={y} onChange={setYear} options={rounds.data?.items.map((r) => ({ value: r.year, label: `${r.year}年` }))} />
        {round && (
          <Typography.Text type="secondary">
            截止日期 {round.deadline}；当地月最低工资标准 {round.minimumMonthlyWage} 元
          </Typography.Text>
        )}
      </Space>
      {rounds.isLoading || mine.isLoading ? (
        <Spin />
      ) : !round ? (
        <Alert type="info" message="暂无开启的薪酬调查" />
      ) : existing ? (
        form.data ? <FormEditor f={form.data} /> : <Spin />
      ) : (
        <Card>
          <Space direction="vertical">
            <Typography.Text>本企业尚未填报{y}年度薪酬调查。可在线填写，也可下载模板填好后导入。</Typography.Text>
            <Button type="primary" onClick={() => open.mutate()} loading={open.isPending}>开始填报</Button>
          </Space>
        </Card>
      )}
    </div>
  );
}
