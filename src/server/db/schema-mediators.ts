// Mediator development, social organisations, experts and training (issue 9, migration 0014).

export interface MediatorTermTable {
  id: string;
  region_id: string;
  mediator_id: string;
  term_start: string;
  term_end: string;
  document_no: string | null;
  status: string; // serving | ended | dismissed
  dismissed_on: string | null;
  dismissal_ground: string | null;
  dismissal_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MediatorTrainingTable {
  id: string;
  region_id: string;
  mediator_id: string;
  course: string;
  hours: number;
  trained_on: string;
  event_id: string | null;
  created_at: string;
}

export interface MediatorRewardTable {
  id: string;
  region_id: string;
  mediator_id: string;
  kind: string; // reward | penalty
  title: string;
  decided_on: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface MediatorEvaluationTable {
  id: string;
  region_id: string;
  mediator_id: string;
  year: number;
  grade: string;
  suggested_grade: string | null;
  comment: string | null;
  stats_json: string; // case statistics and training hours at the time of the evaluation
  evaluated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MentoringPairTable {
  id: string;
  region_id: string;
  mentor_id: string;
  mentee_id: string;
  started_on: string;
  ended_on: string | null;
  goals: string;
  outcome: string | null;
  status: string; // active | ended
  created_by: string | null;
  created_at: string;
}

export interface SkillCompetitionTable {
  id: string;
  region_id: string;
  title: string;
  held_on: string;
  organizer: string;
  status: string; // open | finished
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CompetitionResultTable {
  id: string;
  region_id: string;
  competition_id: string;
  mediator_id: string;
  score: number;
  rank: number;
  award: string | null;
  created_at: string;
}

export interface CaseMediatorTable {
  case_id: string;
  region_id: string;
  mediator_id: string;
  assigned_on: string;
  assigned_by: string | null;
  created_at: string;
}

export interface SocialOrgTable {
  id: string;
  region_id: string;
  name: string;
  uscc: string | null;
  org_type: string;
  size: string;
  staff_count: number;
  industries_json: string;
  services_json: string;
  contact_name: string | null;
  phone: string | null;
  status: string; // active | inactive
  created_at: string;
  updated_at: string;
}

export interface ServiceProjectTable {
  id: string;
  region_id: string;
  social_org_id: string;
  title: string;
  purchaser: string;
  amount: number;
  start_on: string;
  end_on: string;
  content: string;
  status: string; // contracted | accepted | rejected
  accepted_on: string | null;
  eval_score: number | null;
  eval_grade: string | null;
  eval_note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceDeliverableTable {
  id: string;
  region_id: string;
  project_id: string;
  sort: number;
  title: string;
  due_on: string;
  delivered_on: string | null;
  evidence: string | null;
  created_at: string;
}

export interface ExpertTable {
  id: string;
  region_id: string;
  name: string;
  kind: string; // lawyer | judge | arbitrator | scholar | other
  employer: string;
  title: string | null;
  specialities_json: string;
  phone: string | null;
  status: string; // active | inactive
  created_at: string;
  updated_at: string;
}

export interface ExpertAssignmentTable {
  id: string;
  region_id: string;
  expert_id: string;
  target_kind: string; // enterprise | case
  target_id: string;
  target_name: string;
  assigned_on: string;
  task: string;
  created_by: string | null;
  created_at: string;
}

export interface TrainingEventTable {
  id: string;
  region_id: string;
  title: string;
  kind: string; // training | exchange
  audience: string; // mediator | coordinator | all
  held_on: string;
  place: string;
  hours: number;
  capacity: number;
  materials: string | null;
  status: string; // open | closed
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingEnrolmentTable {
  id: string;
  region_id: string;
  event_id: string;
  person_kind: string; // mediator | coordinator
  person_id: string;
  person_name: string;
  attended: number | null; // null until attendance is recorded
  hours_credited: number;
  created_at: string;
}

export interface MediatorsTables {
  mediator_terms: MediatorTermTable;
  mediator_trainings: MediatorTrainingTable;
  mediator_rewards: MediatorRewardTable;
  mediator_evaluations: MediatorEvaluationTable;
  mentoring_pairs: MentoringPairTable;
  skill_competitions: SkillCompetitionTable;
  competition_results: CompetitionResultTable;
  case_mediators: CaseMediatorTable;
  social_orgs: SocialOrgTable;
  service_projects: ServiceProjectTable;
  service_deliverables: ServiceDeliverableTable;
  experts: ExpertTable;
  expert_assignments: ExpertAssignmentTable;
  training_events: TrainingEventTable;
  training_enrolments: TrainingEnrolmentTable;
}
