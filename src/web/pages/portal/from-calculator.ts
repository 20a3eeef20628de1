/** "Apply for mediation from here": which claim a calculator's result becomes, carried to the form as query parameters. */
const CLAIM_OF: Record<string, { claimType: string; field: string }> = {
  severance: { claimType: 'severance', field: 'amount' },
  'annual-leave': { claimType: 'annual_leave', field: 'compensation' },
  overtime: { claimType: 'overtime', field: 'amount' },
  'double-wage': { claimType: 'double_wage', field: 'amount' },
};

export function applyLinkFor(kind: string, result: Record<string, unknown>): string | null {
  const c = CLAIM_OF[kind];
  if (!c) return null;
  const amount = result[c.field];
  const p = new URLSearchParams({ claimType: c.claimType, from: kind });
  if (typeof amount === 'number' && amount > 0) p.set('amount', String(amount));
  return `/portal/apply?${p.toString()}`;
}
