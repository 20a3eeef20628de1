// Labor-security supervision, second part (issue 10, migration 0013): red and black lists, 双随机、一公开
// random inspections, construction projects with wage accounts and deposits, wage-arrears cases.

export interface CreditListingTable {
  id: string;
  region_id: string;
  enterprise_id: string;
  kind: string; // red | black
  criterion_id: string;
  reason: string;
  status: string; // noticed | appealed | listed | dropped | removed
  noticed_on: string;
  notice_due_on: string;
  appeal: string | null;
  appeal_at: string | null;
  decision_reply: string | null;
  decided_by: string | null;
  decided_at: string | null;
  listed_on: string | null;
  listed_until: string | null;
  removed_on: string | null;
  removal_reason: string | null;
  source_id: string | null; // the wage-arrears case behind a black listing
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionItemTable {
  id: string;
  region_id: string;
  code: string;
  name: string;
  basis: string;
  method: string;
  active: number;
  created_at: string;
}

export interface InspectorTable {
  id: string;
  region_id: string;
  user_id: string | null;
  name: string;
  cert_no: string;
  unit: string;
  conflicts_json: string; // enterprise ids the inspector must not inspect (劳动保障监察条例 第十六条 回避)
  active: number;
  created_at: string;
  updated_at: string;
}

export interface InspectionPlanTable {
  id: string;
  region_id: string;
  year: number;
  title: string;
  item_ids_json: string;
  ratio: number;
  status: string; // draft | drawn | published
  seed: string | null;
  fingerprint: string | null;
  inputs_json: string | null; // the canonical draw input, recorded so anyone can re-run it
  directory_size: number | null;
  drawn_by: string | null;
  drawn_at: string | null;
  approved_by: string | null;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface InspectionTaskTable {
  id: string;
  region_id: string;
  plan_id: string;
  enterprise_id: string;
  stratum: string;
  inspector_ids_json: string;
  result: string | null;
  findings: string | null;
  inspected_on: string | null;
  violation_id: string | null;
  entered_by: string | null;
  entered_at: string | null;
}

export interface ConstructionProjectTable {
  id: string;
  region_id: string;
  name: string;
  builder_name: string; // 建设单位
  contractor_enterprise_id: string; // 施工总承包单位
  contract_amount: number | null;
  start_on: string;
  end_on: string | null;
  status: string; // active | completed
  pay_day: number;
  real_name_workers: number;
  labor_manager: string | null;
  info_board: number;
  wage_account_bank: string | null;
  wage_account_no: string | null;
  wage_account_opened_on: string | null;
  guarantee_form: string | null; // deposit | bank_guarantee | exempt
  guarantee_amount: number | null;
  guarantee_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectPayrollTable {
  id: string;
  region_id: string;
  project_id: string;
  month: string; // YYYY-MM
  workers_paid: number;
  amount: number;
  paid_on: string;
  confirmed_by: string | null;
  created_at: string;
}

export interface ProjectPayrollAlertTable {
  id: string;
  region_id: string;
  project_id: string;
  month: string;
  due_on: string;
  raised_at: string;
}

export interface WageArrearsCaseTable {
  id: string;
  region_id: string;
  enterprise_id: string;
  project_id: string | null;
  complaint_id: string | null;
  description: string;
  workers: number;
  amount_owed: number;
  amount_recovered: number;
  crime_threshold: number; // reaches the 拒不支付劳动报酬罪 amount
  mass_incident: number; // caused a mass or extreme incident
  status: string; // open | resolved | transferred
  opened_on: string;
  resolved_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WageRecoveryTable {
  id: string;
  region_id: string;
  case_id: string;
  amount: number;
  workers: number;
  recovered_on: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface SupervisionTables {
  credit_listings: CreditListingTable;
  inspection_items: InspectionItemTable;
  inspectors: InspectorTable;
  inspection_plans: InspectionPlanTable;
  inspection_tasks: InspectionTaskTable;
  construction_projects: ConstructionProjectTable;
  project_payrolls: ProjectPayrollTable;
  project_payroll_alerts: ProjectPayrollAlertTable;
  wage_arrears_cases: WageArrearsCaseTable;
  wage_recoveries: WageRecoveryTable;
}
