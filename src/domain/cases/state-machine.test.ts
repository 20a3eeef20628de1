import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACTION_DOCUMENTS,
  ALLOWED_ACTIONS,
  CASE_ACTIONS,
  CASE_STATUSES,
  type CaseAction,
  type CaseState,
  type CaseStatus,
  STATUS_STAGE,
  initialCaseState,
  isTransitionError,
  nextState,
  replayActions,
} from './state-machine';

type Step = CaseAction | [CaseAction, string];
const run = (start: CaseState, steps: Step[]) =>
  replayActions(
    start,
    steps.map((s) => (typeof s === 'string' ? { action: s } : { action: s[0], reason: s[1] })),
  );

const application = initialCaseState('mediation');
const arbitration = initialCaseState('arbitration');

describe('workflow paths (劳动争议调解仲裁法 第四条、第五条, 第二章; 办案规则 第四章)', () => {
  it.each<[string, CaseState, Step[], CaseStatus, CaseState['outcomes']]>([
    [
      '调解成功 → 仲裁审查确认（办案规则 第七十四条至第七十七条）→ 履行完毕',
      application,
      ['accept_mediation', 'reach_agreement', 'apply_arbitral_review', 'confirm_agreement', 'confirm_performance'],
      'closed',
      { mediation: 'agreement' },
    ],
    [
      '调解逾期直接转仲裁（第十四条第三款）→ 裁决 → 起诉',
      application,
      ['accept_mediation', 'transfer_to_arbitration', 'accept_arbitration', 'make_award', 'file_lawsuit', 'close'],
      'closed',
      { mediation: 'transferred', arbitration: 'award' },
    ],
    [
      '终止调解（须说明理由）→ 转仲裁：调解结果仍为调解不成',
      application,
      ['accept_mediation', ['terminate_mediation', '期限届满未达成协议'], 'transfer_to_arbitration'],
      'arbitration_pending',
      { mediation: 'no_agreement' },
    ],
    [
      '一方不同意调解，不予受理（企业劳动争议协商调解规定 第二十二条）→ 申请仲裁',
      application,
      [['decline', '被申请人不同意调解'], 'transfer_to_arbitration'],
      'arbitration_pending',
      { mediation: 'declined' },
    ],
    [
      '协商达成和解协议后不履行 → 申请调解（第五条）→ 受理',
      application,
      ['start_negotiation', 'reach_settlement', 'apply_mediation', 'accept_mediation'],
      'mediating',
      { negotiation: 'agreement' },
    ],
    [
      '协商不成 → 仲裁',
      application,
      ['start_negotiation', 'fail_negotiation', 'transfer_to_arbitration'],
      'arbitration_pending',
      { negotiation: 'no_agreement' },
    ],
    [
      '调解协议未履行 → 申请支付令（第十六条）',
      application,
      ['accept_mediation', 'reach_agreement', 'apply_payment_order'],
      'in_court',
      { mediation: 'agreement' },
    ],
    [
      '直接申请仲裁 → 调解建议书，当事人同意先行调解（办案规则 第六十九条）→ 调解成功',
      arbitration,
      ['refer_to_mediation', 'accept_mediation', 'reach_agreement'],
      'agreement_reached',
      { mediation: 'agreement', arbitration: 'transferred' },
    ],
    [
      '移交其他调解组织后由新组织调解成功（最新结果覆盖）',
      application,
      [['transfer_org', '属地管辖'], 'accept_mediation', 'reach_agreement'],
      'agreement_reached',
      { mediation: 'agreement' },
    ],
    [
      '仲裁中调解结案（第四十二条）',
      arbitration,
      ['accept_arbitration', 'arbitral_settlement', 'confirm_performance'],
      'closed',
      { arbitration: 'agreement' },
    ],
    [
      '仲裁审查不予制作调解书（办案规则 第七十八条）→ 回到调解协议，可转仲裁（第十五条）',
      application,
      ['accept_mediation', 'reach_agreement', 'apply_arbitral_review', ['reject_review', '内容不明确'], 'transfer_to_arbitration'],
      'arbitration_pending',
      { mediation: 'agreement' },
    ],
    ['咨询解答', initialCaseState('consultation'), ['answer'], 'closed', { consultation: 'answered' }],
    ['撤回调解申请', application, ['accept_mediation', 'withdraw'], 'closed', { mediation: 'withdrawn' }],
  ])('%s', (_name, start, steps, status, outcomes) => {
    const r = run(start, steps);
    expect(r.error).toBeUndefined();
    expect(r.state.status).toBe(status);
    expect(r.state.outcomes).toEqual(outcomes);
  });

  it('closed cases keep the stage they ended in', () => {
    expect(run(application, ['accept_mediation', 'withdraw']).state.stage).toBe('mediation');
    expect(run(arbitration, ['accept_arbitration', 'make_award', 'close']).state.stage).toBe('arbitration');
  });
});

describe('refusals', () => {
  it('names the allowed actions in Chinese', () => {
    const r = nextState(application, 'make_award');
    expect(isTransitionError(r)).toBe(true);
    if (!isTransitionError(r)) return;
    expect(r.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(r.allowed).toEqual(['accept_mediation', 'start_negotiation', 'decline', 'transfer_org', 'withdraw']);
    expect(r.message).toBe('案件当前为“已登记待受理”，不能作出裁决；可以进行：受理调解、组织协商、不予受理、移交其他调解组织、撤回申请。');
  });

  it.each<CaseAction>(['decline', 'transfer_org', 'decline_arbitration'])('%s requires a reason', (action) => {
    const from = action === 'decline_arbitration' ? arbitration : application;
    const r = nextState(from, action, { reason: '  ' });
    expect(isTransitionError(r) && r.code).toBe('REASON_REQUIRED');
  });

  it('a closed case allows nothing', () => {
    const closed = run(application, ['withdraw']).state;
    const r = nextState(closed, 'accept_mediation');
    expect(isTransitionError(r) && r.allowed).toEqual([]);
    expect(isTransitionError(r) && r.message).toBe('案件已结案，不能再受理调解。');
  });

  it('replay reports the index of the first refused action', () => {
    const r = run(application, ['accept_mediation', 'accept_mediation']);
    expect(r.error?.index).toBe(1);
    expect(r.state.status).toBe('mediating');
  });
});

describe('the table', () => {
  it('uses every action and lists documents only for actions in use', () => {
    const used = new Set(Object.values(ALLOWED_ACTIONS).flat());
    expect(CASE_ACTIONS.filter((a) => !used.has(a))).toEqual([]);
    for (const a of Object.keys(ACTION_DOCUMENTS)) expect(used.has(a as CaseAction)).toBe(true);
  });

  it('reaches every status from the starts, and can reach closed from every status', () => {
    const edges = (s: CaseStatus): CaseStatus[] =>
      ALLOWED_ACTIONS[s].map((a) => {
        const r = nextState({ status: s, stage: STATUS_STAGE[s] ?? 'mediation', outcomes: {} }, a, { reason: '理由' });
        if (isTransitionError(r)) throw new Error(r.message);
        return r.status;
      });
    const reach = (from: CaseStatus) => {
      const seen = new Set<CaseStatus>([from]);
      const queue = [from];
      while (queue.length) {
        for (const n of edges(queue.shift()!)) {
          if (seen.has(n)) continue;
          seen.add(n);
          queue.push(n);
        }
      }
      return seen;
    };
    const fromStarts = new Set([...reach('consulting'), ...reach('registered'), ...reach('arbitration_pending')]);
    expect(CASE_STATUSES.filter((s) => !fromStarts.has(s))).toEqual([]);
    for (const s of CASE_STATUSES) expect(reach(s).has('closed'), s).toBe(true);
  });

  it('any sequence of actions yields either a refusal or a consistent state', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CASE_ACTIONS), { maxLength: 25 }), (actions) => {
        let state = application;
        for (const a of actions) {
          const r = nextState(state, a, { reason: '理由' });
          if (isTransitionError(r)) {
            expect(r.allowed).toEqual([...ALLOWED_ACTIONS[state.status]]);
            continue;
          }
          const stage = STATUS_STAGE[r.status];
          if (stage) expect(r.stage).toBe(stage);
          state = r;
        }
      }),
      { numRuns: 300 },
    );
  });
});
