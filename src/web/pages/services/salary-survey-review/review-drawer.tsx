import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Input, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import { History, IssueList, type SurveyForm } from '../salary-survey/form-editor';
import { OCCUPATIONS, yuan } from '../labels';

export function ReviewDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: ['survey-form', id], queryFn: () => api.get<SurveyForm>(`/api/salary-survey/forms/${id}`), enabled: !!id });
  const act = useMutation({
    mutationFn: (a: 'return' | 'accept') => api.post<SurveyForm>(`/api/salary-survey/forms/${id}/${a}`, a === 'return' ? { reason } : {}),
    onSuccess: (f) => {
      message.success(f.status === 'accepted' ? '已审核通过' : '已退回企业修改');
      qc.setQueryData(['survey-form', id], f);
      void qc.invalidateQueries({ queryKey: ['survey-forms'] });
      void qc.invalidateQueries({ queryKey: ['survey-progress'] });
      setReason('');
    },
    onError: (e) => message.error((e as Error).message),
  });
  const f = q.data;
  return (
    <Drawer title={f ? `${f.enterprise.name} · ${f.year}年度` : '调查表'} open={!!id} onClose={onClose} width={760}>
      {f && (
        <>
          <Descriptions size="small" bordered column={2} title="经济指标与人工成本（万元）">
            <Descriptions.Item label="营业收入">{f.data.economic.revenue}</Descriptions.Item>
            <Descriptions.Item label="利润总额">{f.data.economic.profit}</Descriptions.Item>
            <Descriptions.Item label="从业人员平均人数">{f.data.economic.avgEmployees}</Descriptions.Item>
            <Descriptions.Item label="应付工资总额">{f.data.economic.totalPayroll}</Descriptions.Item>
            <Descriptions.Item label="人工成本总额">{f.data.laborCost.total}</Descriptions.Item>
            <Descriptions.Item label="其中工资总额">{f.data.laborCost.wages}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            style={{ marginTop: 16 }}
            rowKey={(_, i) => String(i)}
            pagination={{ pageSize: 10 }}
            dataSource={f.data.employees}
            columns={[
              { title: '职业大类', dataIndex: 'occupation', render: (v: string) => OCCUPATIONS[v as keyof typeof OCCUPATIONS] ?? v },
              { title: '年度应发工资（元）', dataIndex: 'annualPay', render: yuan },
              { title: '月数', dataIndex: 'months' },
            ]}
          />
          <Typography.Title level={5}>校验结果</Typography.Title>
          <IssueList issues={f.issues} />
          {(f.abilities.return || f.abilities.accept) && (
            <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
              <Input.TextArea rows={2} placeholder="退回原因（退回时必填）" value={reason} onChange={(e) => setReason(e.target.value)} />
              <Space>
                <Button type="primary" onClick={() => act.mutate('accept')} loading={act.isPending}>审核通过</Button>
                <Button danger onClick={() => act.mutate('return')} disabled={!reason.trim()} loading={act.isPending}>退回修改</Button>
              </Space>
            </Space>
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>审核记录</Typography.Title>
          <History items={f.history} />
        </>
      )}
    </Drawer>
  );
}
