export interface Project {
  id: string;
  name: string;
  builderName: string;
  contractorEnterpriseId: string;
  contractorName: string;
  startOn: string;
  endOn: string | null;
  status: string;
  payDay: number;
  realNameWorkers: number;
  laborManager: string | null;
  infoBoard: boolean;
  wageAccount: { bank: string | null; accountNo: string; openedOn: string | null } | null;
  guarantee: { form: string; formName: string; amount: number | null; on: string | null } | null;
  deficits: { code: string; text: string; citation: string; penalty: string }[];
  missingPayrolls: { month: string; dueOn: string }[];
  abilities: { update: boolean; confirmPayroll: boolean };
}
export interface Arrears {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  projectName: string | null;
  description: string;
  workers: number;
  amountOwed: number;
  amountRecovered: number;
  outstanding: number;
  crimeThreshold: boolean;
  massIncident: boolean;
  status: string;
  statusName: string;
  openedOn: string;
  abilities: { recover: boolean; transfer: boolean };
}
export const yuan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
