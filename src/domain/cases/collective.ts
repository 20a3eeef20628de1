/**
 * Collective disputes (集体劳动人事争议).
 * 劳动争议调解仲裁法 第七条: 发生劳动争议的劳动者一方在十人以上，并有共同请求的，可以推举代表参加调解、仲裁或者诉讼活动。
 * 劳动人事争议仲裁办案规则 第五条: 劳动者一方在十人以上并有共同请求的争议，或者因履行集体合同发生的劳动争议，
 * 仲裁委员会应当优先立案，优先审理。
 */
export const COLLECTIVE_DISPUTE_MIN_WORKERS = 10;

/** 劳动人事争议仲裁办案规则 第六十三条: 劳动者可以推举三至五名代表参加仲裁活动。 */
export const ARBITRATION_REPRESENTATIVES = { min: 3, max: 5 } as const;

export interface CollectiveFacts {
  /** Workers on the applicant side. */
  workerCount: number;
  /** Whether they make a common claim (共同请求); defaults to true, as one case records one set of claims. */
  commonClaim?: boolean;
  /** The dispute arises from performing a collective contract (因履行集体合同发生的争议). */
  collectiveContract?: boolean;
}

export type CollectiveBasis = 'ten_or_more_workers' | 'collective_contract';

export interface CollectiveAssessment {
  collective: boolean;
  basis: CollectiveBasis[];
  /** Sort key for work queues: collective disputes first. */
  priority: 'high' | 'normal';
  /** What the rules require of such a case, each with its article, for the case page. */
  measures: string[];
}

const MEASURES = [
  '优先立案，优先审理（劳动人事争议仲裁办案规则 第五条）。',
  '劳动者可以推举代表参加调解、仲裁或者诉讼活动（劳动争议调解仲裁法 第七条）；参加仲裁的代表为三至五名，代表人变更、放弃仲裁请求或者承认对方请求、进行和解，须经被代表的当事人同意（办案规则 第六十三条）。',
  '仲裁委员会自收到申请之日起五日内作出受理或者不予受理的决定；受理后五日内将仲裁庭组成人员、答辩期限、举证期限、开庭日期和地点等事项一次性通知当事人（办案规则 第六十四条）。',
  '由三名仲裁员组成仲裁庭，设首席仲裁员（办案规则 第六十五条；劳动人事争议仲裁组织规则 第十三条）。',
  '开庭前引导当事人自行协商或者先行调解，可以邀请法律工作者、律师、专家学者等第三方共同参与调解（办案规则 第六十六条）。',
] as const;

const CONTRACT_MEASURE =
  '因履行集体合同发生的争议，经协商解决不成的，由工会依法申请仲裁；尚未建立工会的，由上级工会指导劳动者推举产生的代表申请仲裁；仲裁庭按照三方原则组成（办案规则 第六十三条第二款、第六十五条第二款）。';

export function assessCollective(facts: CollectiveFacts): CollectiveAssessment {
  const basis: CollectiveBasis[] = [];
  if (facts.workerCount >= COLLECTIVE_DISPUTE_MIN_WORKERS && (facts.commonClaim ?? true)) basis.push('ten_or_more_workers');
  if (facts.collectiveContract) basis.push('collective_contract');
  const collective = basis.length > 0;
  const measures: string[] = collective ? [...MEASURES] : [];
  if (facts.collectiveContract) measures.push(CONTRACT_MEASURE);
  return { collective, basis, priority: collective ? 'high' : 'normal', measures };
}

export function isCollectiveDispute(facts: CollectiveFacts): boolean {
  return assessCollective(facts).collective;
}

/** Checks the number of representatives the workers chose for arbitration (办案规则 第六十三条). */
export function checkRepresentatives(count: number): { valid: true } | { valid: false; reason: string } {
  const { min, max } = ARBITRATION_REPRESENTATIVES;
  if (count >= min && count <= max) return { valid: true };
  return { valid: false, reason: `集体争议参加仲裁的代表应为${min}至${max}名，当前为${count}名（劳动人事争议仲裁办案规则 第六十三条）` };
}

/** Queue order: collective disputes first, then the earliest deadline, then the oldest case. */
export function compareCasePriority(
  a: { collective: boolean; nextDue?: string; registeredOn: string },
  b: { collective: boolean; nextDue?: string; registeredOn: string },
): number {
  if (a.collective !== b.collective) return a.collective ? -1 : 1;
  const ad = a.nextDue ?? '9999-12-31';
  const bd = b.nextDue ?? '9999-12-31';
  if (ad !== bd) return ad < bd ? -1 : 1;
  return a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : 0;
}
