import { sql, type SqlBool } from 'kysely';
import { pct } from '../../../../domain/indicators/catalogue';
import { regionPrefixCondition } from '../../../policy/scope';
import { inForce } from '../../contracts/repo';
import type { IndicatorCalculator } from './types';

/**
 * Enterprises with a union on `asOf` that an in-force comprehensive collective contract binds (enterprise,
 * regional or industry contract, through collective_contract_enterprises) — the union brain's definition.
 * 劳动合同法 第五十一条：集体合同草案应当提交职工代表大会或者全体职工讨论通过；尚未建立工会的用人单位，由上级工会指导劳动者推举的代表与用人单位订立。
 */
export const contractCoverage: IndicatorCalculator = {
  key: 'contract-coverage',
  recordType: 'enterprise',
  async compute({ db, regionId, asOf }) {
    const covered = sql<SqlBool>`exists (select 1 from collective_contract_enterprises b inner join collective_contracts c on c.id = b.contract_id
      where b.enterprise_id = enterprises.id and c.kind = 'comprehensive' and ${inForce(asOf, 'c')})`;
    const population = await db
      .selectFrom('enterprises')
      .select(['id', covered.as('covered')])
      .where(regionPrefixCondition('enterprises.region_id', regionId))
      .where('union_established', '=', 1)
      .where((eb) => eb.or([eb('union_established_on', 'is', null), eb('union_established_on', '<=', asOf)]))
      .orderBy('id')
      .execute();
    const yes = population.filter((e) => Number(e.covered) === 1 || (e.covered as unknown) === true);
    return { value: pct(yes.length, population.length), numerator: yes.length, denominator: population.length, recordType: 'enterprise', recordIds: yes.map((e) => e.id), denominatorIds: population.map((e) => e.id) };
  },
};
