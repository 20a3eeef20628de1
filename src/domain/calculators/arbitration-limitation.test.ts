import { describe, expect, it } from 'vitest';
import { ArbitrationLimitationInput, calculateArbitrationLimitation } from './arbitration-limitation';

describe('calculateArbitrationLimitation (劳动争议调解仲裁法 第二十七条)', () => {
  it.each([
    ['severance', '2024-03-10', '2025-03-10'],
    ['unlawful_termination', '2024-02-29', '2025-02-28'],
    ['double_wage', '2023-12-31', '2024-12-31'],
  ] as const)('%s known %s → %s (general rule)', (claimType, knownDate, deadline) => {
    const r = calculateArbitrationLimitation({ knownDate, claimType });
    expect(r.rule).toBe('general');
    expect(r.deadline).toBe(deadline);
    expect(r.basis[0]?.label).toBe('第二十七条');
  });

  it('does not run for wage arrears while the employment lasts', () => {
    const r = calculateArbitrationLimitation({ knownDate: '2020-01-31', claimType: 'wage_arrears', employmentEnded: false });
    expect(r.deadline).toBeNull();
    expect(r.rule).toBe('remuneration_during_employment');
  });

  it('runs one year from the end of employment for wage arrears and overtime', () => {
    const r = calculateArbitrationLimitation({
      knownDate: '2019-05-31',
      claimType: 'overtime',
      employmentEnded: true,
      employmentEndDate: '2021-02-28',
    });
    expect(r.rule).toBe('remuneration_after_employment');
    expect(r.deadline).toBe('2022-02-28');
  });

  it('treats an end date alone as the end of employment', () => {
    const r = calculateArbitrationLimitation({ knownDate: '2019-05-31', claimType: 'wage_arrears', employmentEndDate: '2021-06-15' });
    expect(r.deadline).toBe('2022-06-15');
  });

  it('rejects contradictory or missing facts', () => {
    expect(ArbitrationLimitationInput.safeParse({ knownDate: '2024-01-01', claimType: 'wage_arrears', employmentEnded: true }).success).toBe(false);
    expect(
      ArbitrationLimitationInput.safeParse({ knownDate: '2024-01-01', claimType: 'overtime', employmentEnded: false, employmentEndDate: '2024-02-01' }).success,
    ).toBe(false);
    expect(ArbitrationLimitationInput.safeParse({ knownDate: '2024-01-01', claimType: 'bonus' }).success).toBe(false);
  });
});
