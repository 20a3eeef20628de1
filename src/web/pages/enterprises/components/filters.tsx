import { Button, Input, Select, Space } from 'antd';
import { INDUSTRY_SECTIONS, SIZE_CLASSES } from '../../../../domain/enterprise/industries';
import { RISK_LEVELS } from '../../../../domain/enterprise/registry';
import { zh } from '../../../locale/zh';
import { useRegions } from './use-regions';

export const FILTER_KEYS = ['q', 'street', 'park', 'industry', 'size', 'union', 'key', 'risk', 'unionYear'] as const;
export type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

const opt = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

export function EnterpriseFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { streets, parks } = useRegions();
  const set = (k: keyof Filters) => (v: string | undefined) => onChange({ ...value, [k]: v || undefined });
  const sel = (k: keyof Filters, placeholder: string, options: { value: string; label: string }[], width = 150) => (
    <Select allowClear placeholder={placeholder} style={{ width }} value={value[k]} options={options} onChange={set(k)} data-testid={`filter-${k}`} showSearch optionFilterProp="label" />
  );
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search key={value.q ?? ''} defaultValue={value.q} placeholder="企业名称或统一社会信用代码" allowClear style={{ width: 280 }} onSearch={set('q')} />
      {sel('street', '街道（镇）', streets.map((s) => ({ value: s.id, label: s.name })))}
      {sel('park', '园区', parks.map((s) => ({ value: s.id, label: s.name })), 220)}
      {sel('industry', '行业', Object.entries(INDUSTRY_SECTIONS).map(([k, v]) => ({ value: k, label: `${k} ${v}` })), 220)}
      {sel('size', '企业规模', opt(SIZE_CLASSES), 120)}
      {sel('union', '建会情况', [{ value: 'yes', label: '已建会' }, { value: 'no', label: '未建会' }], 120)}
      {sel('key', '重点企业', [{ value: 'yes', label: '重点企业' }, { value: 'no', label: '非重点' }], 120)}
      {sel('risk', '风险等级', [...opt(RISK_LEVELS), { value: 'none', label: '无预警' }], 120)}
      {value.unionYear && <Button onClick={() => set('unionYear')(undefined)}>建会年份：{value.unionYear} ✕</Button>}
      <Button onClick={() => onChange({})}>{zh.common.reset}</Button>
    </Space>
  );
}
