import { activeMediators } from './active-mediators';
import { complaintsOnTime } from './complaints-on-time';
import { contractCoverage } from './contract-coverage';
import { alertsHandled, enterprisesCultivated, recruitmentEvents, salarySurveyCompletion } from './enterprise-services';
import { arbitrationClosing, mediationSuccess } from './mediation-success';
import { coordinatorCoverage } from './coordinator-coverage';
import { goldCoordinators } from './gold-coordinators';
import { goldMediationOrgs } from './gold-mediation-orgs';
import { keyEnterprises } from './key-enterprises';
import { newUnions } from './new-unions';
import { standardizedMediationOrgs } from './standardized-mediation-orgs';
import type { IndicatorCalculator } from './types';
import { unionCoverage } from './union-coverage';

export type { CalcInput, CalcResult, IndicatorCalculator, RecordType } from './types';

/**
 * The registry of indicator calculators. A module that lands later (mediation cases, arbitration,
 * complaints, collective contracts, enterprise services) adds its calculator file here and switches
 * its indicator from manual to computed with a new definition version.
 */
const registry = new Map<string, IndicatorCalculator>();
export function registerCalculator(c: IndicatorCalculator): void {
  registry.set(c.key, c);
}
export const findCalculator = (key: string | null | undefined) => (key ? registry.get(key) : undefined);

for (const c of [standardizedMediationOrgs, goldMediationOrgs, newUnions, unionCoverage, coordinatorCoverage, keyEnterprises, activeMediators, goldCoordinators, mediationSuccess, arbitrationClosing, complaintsOnTime, contractCoverage, enterprisesCultivated, recruitmentEvents, salarySurveyCompletion, alertsHandled]) registerCalculator(c);
