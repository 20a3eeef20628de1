import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { ArrearsCard } from './components/arrears-card';
import { PayrollModal, ProjectModal } from './components/project-modals';
import type { Project } from './types';

/** 根治欠薪: construction projects (wage account, guarantee, real-name, monthly payments), the monitor, arrears cases. */
export function WagePage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const manage = !!me?.abilities['wage.manage'];
  const qc = useQueryClient();
  const [editing, setEditing] = useState<{ project: Project | null } | null>(null);
  const [paying, setPaying] = useState<Project | null>(null);
  const projects = useQuery({ queryKey: ['wage-projects'], queryFn: () => api.get<{ items: Project[]; total: number }>('/api/wage/projects?pageSize=100') });
  const refresh = () => void qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('wage') });
  const runMonitor = async () => {
    try {
      const r = await api.post<{ raised: { projectName: string; month: string }[] }>('/api/wage/monitor/run');
      message.success(r.raised.length ? `新增欠薪预警${r.raised.length}条：${r.raised.map((x) => `${x.projectName} ${x.month}`).join('；')}` : '未发现新的逾期未支付月份');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>根治欠薪 · 工程建设领域</Typography.Title>
      <Typography.Text type="secondary">依据《保障农民工工资支付条例》第四章：农民工工资专用账户、工资保证金、实名制管理、按月足额支付；逾期未确认的月份生成欠薪预警并推送风险监测。</Typography.Text>
      <Card
        size="small"
        title={`在建工程项目（${projects.data?.total ?? 0}）`}
        extra={manage && <Space><Button onClick={runMonitor}>运行欠薪监测</Button><Button type="primary" onClick={() => setEditing({ project: null })}>登记工程项目</Button></Space>}
      >
        <Table<Project>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={projects.data?.items}
          columns={[
            { title: '项目', width: 200, render: (_, r) => <>{r.name}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>建设单位：{r.builderName}</Typography.Text></> },
            { title: '施工总承包', width: 170, render: (_, r) => (manage ? <Link to={`/enterprises/${r.contractorEnterpriseId}`}>{r.contractorName}</Link> : r.contractorName) },
            { title: '实名登记', width: 80, render: (_, r) => `${r.realNameWorkers}人` },
            { title: '专用账户', width: 80, render: (_, r) => (r.wageAccount ? <Tag color="green">已开设</Tag> : <Tag color="red">未开设</Tag>) },
            { title: '工资保证金', width: 110, render: (_, r) => (r.guarantee ? <Tag color="green">{r.guarantee.formName}</Tag> : <Tag color="red">未存储</Tag>) },
            { title: '问题', render: (_, r) => r.deficits.map((d) => <Tooltip key={d.code} title={`${d.citation}；罚则：${d.penalty}`}><Tag color="orange">{d.text}</Tag></Tooltip>) },
            { title: '逾期未支付月份', render: (_, r) => (r.missingPayrolls.length ? r.missingPayrolls.map((m) => <Tag key={m.month} color="red">{m.month}（应于{m.dueOn}前）</Tag>) : <Tag color="green">按月支付</Tag>) },
            {
              title: '',
              render: (_, r) => (
                <Space>
                  {r.abilities.confirmPayroll && <Button size="small" onClick={() => setPaying(r)}>确认月度工资</Button>}
                  {r.abilities.update && <Button size="small" onClick={() => setEditing({ project: r })}>更新</Button>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {manage && <ArrearsCard projects={projects.data?.items ?? []} />}
      <ProjectModal open={!!editing} project={editing?.project ?? null} onClose={() => setEditing(null)} onDone={() => (setEditing(null), refresh())} />
      <PayrollModal project={paying} onClose={() => setPaying(null)} onDone={() => (setPaying(null), refresh())} />
    </Space>
  );
}
