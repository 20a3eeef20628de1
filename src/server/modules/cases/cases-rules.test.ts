import { describe, expect, it } from 'vitest';
import { loadDefaultCalendar } from '../../../domain/calendar/default-holidays';
import { decryptPii, encryptPii } from '../../lib/pii';
import { agreementPerformance, obligationPerformance } from './agreements';
import { caseDeadlines, currentDeadline, statutoryDue } from './deadlines';
import { anonymise } from './published';
import { suggestOrganisations, type RoutableOrg } from './routing';
import { medianOf } from './statistics';

const orgs: RoutableOrg[] = [
  { id: 'district', name: '区调解中心', level: 'district', kind: 'administrative', region_id: '441999', enterprise_id: null },
  { id: 'street', name: '新桥街道调解中心', level: 'street', kind: 'people', region_id: '441999003', enterprise_id: null },
  { id: 'park', name: '园区调解室', level: 'regional', kind: 'union', region_id: '441999003101', enterprise_id: null },
  { id: 'build', name: '建筑业调委会', level: 'industry', kind: 'people', region_id: '441999', enterprise_id: null },
  { id: 'ent', name: '某公司调委会', level: 'enterprise', kind: 'union', region_id: '441999003101', enterprise_id: 'e1' },
];

describe('routing suggestion (enterprise committee → street centre → district)', () => {
  it.each([
    [{ id: 'e1', region_id: '441999003101', industry_code: 'C' }, 1, ['ent', 'park', 'street', 'district']],
    [{ id: 'e2', region_id: '441999003201', industry_code: 'E' }, 1, ['build', 'street', 'district']],
    [{ id: 'e1', region_id: '441999003101', industry_code: 'C' }, 12, ['district', 'ent', 'park', 'street']],
  ])('%j with %i applicants → %j', (ent, n, expected) => {
    expect(suggestOrganisations(ent, n, orgs).map((s) => s.organizationId)).toEqual(expected);
  });
});

describe('performance of agreements', () => {
  const o = (amount: number | null, paid: number, due: string | null, fulfilled: string | null = null) => ({
    amount,
    paid_amount: paid,
    due_date: due,
    fulfilled_on: fulfilled,
  });
  it.each([
    [o(12000, 12000, '2025-03-20'), '2025-03-25', 'fulfilled'],
    [o(12000, 5000, '2025-03-20'), '2025-03-19', 'partly'],
    [o(12000, 5000, '2025-03-20'), '2025-03-20', 'partly'],
    [o(12000, 5000, '2025-03-20'), '2025-03-21', 'overdue'],
    [o(12000, 0, null), '2030-01-01', 'pending'],
    [o(null, 0, '2025-03-20', '2025-03-18'), '2025-04-01', 'fulfilled'],
  ] as const)('%j on %s → %s', (ob, today, expected) => {
    expect(obligationPerformance(ob, today)).toBe(expected);
  });
  it('an agreement is overdue if one obligation is, fulfilled when all are', () => {
    expect(agreementPerformance(['fulfilled', 'overdue'])).toBe('overdue');
    expect(agreementPerformance(['fulfilled', 'fulfilled'])).toBe('fulfilled');
    expect(agreementPerformance(['fulfilled', 'pending'])).toBe('partly');
    expect(agreementPerformance(['pending'])).toBe('pending');
  });
});

describe('deadline the case works against', () => {
  const cal = loadDefaultCalendar();
  it('mediating: the 15-day period, or the agreed extension (劳动争议调解仲裁法 第十四条)', () => {
    const d = caseDeadlines(cal, { deadlineFacts: { mediationReceivedOn: '2026-09-20' }, claims: [{ type: 'wage_arrears' }] });
    // The 15th day (5 October) falls in the National Day holiday → next working day.
    expect(currentDeadline('mediating', d)).toEqual({ kind: 'mediationDue', due: '2026-10-08' });
    const ext = caseDeadlines(cal, {
      deadlineFacts: { mediationReceivedOn: '2026-09-20', mediationExtendedUntil: '2026-10-20' },
      claims: [],
    });
    expect(currentDeadline('mediating', ext)?.due).toBe('2026-10-20');
    expect(statutoryDue(ext)).toBe('2026-10-20');
    expect(currentDeadline('closed', ext)).toBeUndefined();
  });
  it('an enterprise committee must accept within 3 working days (企业劳动争议协商调解规定 第二十二条)', () => {
    const d = caseDeadlines(cal, { deadlineFacts: { mediationReceivedOn: '2026-09-30', enterpriseCommittee: true }, claims: [] });
    expect(currentDeadline('registered', d)).toEqual({ kind: 'mediationAcceptanceDue', due: '2026-10-10' });
  });
});

describe('helpers', () => {
  it('median from a histogram of days', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([{ days: 3, n: 1 }])).toBe(3);
    expect(
      medianOf([
        { days: 10, n: 1 },
        { days: 2, n: 1 },
      ]),
    ).toBe(6);
    expect(
      medianOf([
        { days: 1, n: 3 },
        { days: 9, n: 1 },
        { days: 20, n: 1 },
      ]),
    ).toBe(1);
  });
  it('anonymises parties in published cases', () => {
    expect(anonymise('李建国与云溪宏达有限公司因工资发生争议，电话13800000001', ['李建国'], '云溪宏达有限公司')).toBe(
      '李某与某公司因工资发生争议，电话****',
    );
  });
  it('encrypts ID numbers with AES-256-GCM and detects tampering', () => {
    const key = Buffer.alloc(32, 7);
    const sealed = encryptPii(key, '11010519491231002X');
    expect(sealed).not.toContain('1101');
    expect(decryptPii(key, sealed)).toBe('11010519491231002X');
    expect(encryptPii(key, 'x')).not.toBe(encryptPii(key, 'x'));
    const parts = sealed.split('.');
    parts[3] = Buffer.from('00000000').toString('base64url');
    expect(() => decryptPii(key, parts.join('.'))).toThrow();
  });
});
