import { pct } from '../../../../domain/indicators/catalogue';
import { regionPrefixCondition } from '../../../policy/scope';
import { countResult, type IndicatorCalculator } from './types';

/** Enterprises whose one-to-one cultivation of the year was assessed (cultivations.status = assessed) by `asOf`. */
export const enterprisesCultivated: IndicatorCalculator = {
  key: 'enterprises-cultivated',
  recordType: 'enterprise',
  async compute({ db, regionId, year, asOf }) {
    const rows = await db
      .selectFrom('cultivations')
      .select('enterprise_id')
      .distinct()
      .where(regionPrefixCondition('cultivations.region_id', regionId))
      .where('year', '=', year)
      .where('status', '=', 'assessed')
      .where('assessed_at', '<=', `${asOf}T23:59:59.999Z`)
      .orderBy('enterprise_id')
      .execute();
    return countResult('enterprise', rows.map((r) => r.enterprise_id));
  },
};

/** Recruitment events of the year in one mode (params.mode online | offline) held by `asOf`. */
export const recruitmentEvents: IndicatorCalculator = {
  key: 'recruitment-events',
  recordType: 'recruitment_event',
  async compute({ db, regionId, year, asOf, params }) {
    const mode = params.mode === 'offline' ? 'offline' : 'online';
    const rows = await db
      .selectFrom('recruitment_events')
      .select('id')
      .where(regionPrefixCondition('recruitment_events.region_id', regionId))
      .where('year', '=', year)
      .where('mode', '=', mode)
      .where('held_on', '<=', asOf)
      .orderBy('id')
      .execute();
    return countResult('recruitment_event', rows.map((r) => r.id));
  },
};

/** Salary-survey forms of the year accepted by the reviewers over every sampled enterprise's form of the year. */
export const salarySurveyCompletion: IndicatorCalculator = {
  key: 'salary-survey-completion',
  recordType: 'enterprise',
  async compute({ db, regionId, year }) {
    const rows = await db
      .selectFrom('salary_surveys')
      .select(['enterprise_id', 'status'])
      .where(regionPrefixCondition('salary_surveys.region_id', regionId))
      .where('year', '=', year)
      .orderBy('enterprise_id')
      .execute();
    const ok = rows.filter((r) => r.status === 'accepted');
    return { value: pct(ok.length, rows.length), numerator: ok.length, denominator: rows.length, recordType: 'enterprise', recordIds: ok.map((r) => r.enterprise_id), denominatorIds: rows.map((r) => r.enterprise_id) };
  },
};

/** Risk alerts opened in the year and, of those, the ones handled to closure (alerts.status = closed) by `asOf`. */
export const alertsHandled: IndicatorCalculator = {
  key: 'alerts-handled',
  recordType: 'alert',
  async compute({ db, regionId, year, asOf }) {
    const rows = await db
      .selectFrom('alerts')
      .select(['id', 'status', 'closed_at'])
      .where(regionPrefixCondition('alerts.region_id', regionId))
      .where('opened_at', '>=', `${year}-01-01`)
      .where('opened_at', '<=', `${asOf}T23:59:59.999Z`)
      .orderBy('id')
      .execute();
    const ok = rows.filter((r) => r.status === 'closed' && !!r.closed_at && r.closed_at <= `${asOf}T23:59:59.999Z`);
    return { value: pct(ok.length, rows.length), numerator: ok.length, denominator: rows.length, recordType: 'alert', recordIds: ok.map((r) => r.id), denominatorIds: rows.map((r) => r.id) };
  },
};
