export interface Plan {
  id: string;
  year: number;
  title: string;
  items: { id: string; code: string; name: string; basis: string }[];
  ratio: number;
  status: 'draft' | 'drawn' | 'published';
  statusName: string;
  seed: string | null;
  fingerprint: string | null;
  directorySize: number | null;
  drawnAt: string | null;
  publishedAt: string | null;
  targets: number;
  resultsEntered: number;
  tasks: Task[];
  abilities: { draw: boolean; enterResults: boolean; publish: boolean };
}
export interface Task {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  stratum: string;
  stratumName: string;
  inspectors: { id: string; name: string }[];
  result: string | null;
  resultName: string | null;
  findings: string | null;
  inspectedOn: string | null;
}
export interface Item { id: string; code: string; name: string; basis: string; method: string }
export interface Inspector { id: string; name: string; certNo: string; unit: string; active: boolean; conflicts: { enterpriseId: string; enterpriseName: string }[] }
export const RESULT_OPTIONS = [
  { value: 'compliant', label: '未发现问题' },
  { value: 'rectified', label: '发现问题已责令整改' },
  { value: 'violation', label: '发现违法行为依法查处' },
  { value: 'not_found', label: '通过登记的住所（经营场所）无法联系' },
];
export const STATUS_COLORS: Record<Plan['status'], string> = { draft: 'default', drawn: 'processing', published: 'success' };
