import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0008 from './0008-plans-indicators';
import * as m0006 from './0006-collective-contracts';
import * as m0002 from './0002-enterprise-registry';
import * as m0004 from './0004-knowledge';
import * as m0007 from './0007-enterprise-services';
import * as m0005 from './0005-risk';
import * as m0003 from './0003-dispute-cases';
import * as m0009 from './0009-rosters';
import * as m0010 from './0010-credit-inspection';
import * as m0016 from './0016-contracts-search';
import * as m0013 from './0013-lists-random-checks';
import * as m0015 from './0015-plans-editing';
import * as m0017 from './0017-performance';
import * as m0018 from './0018-money-precision';
import * as m0019 from './0019-national-recommendation';
import * as m0020 from './0020-registry-performance';
import * as m0021 from './0021-risk-incremental';
import * as m0022 from './0022-pg-short-search';
import * as m0014 from './0014-mediator-development';
import * as m0011 from './0011-portal';
import * as m0012 from './0012-mediation-sessions';

/** Every migration in order; one file per change. Names sort lexically. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0008-plans-indicators': m0008,
  '0006-collective-contracts': m0006,
  '0002-enterprise-registry': m0002,
  '0004-knowledge': m0004,
  '0007-enterprise-services': m0007,
  '0005-risk': m0005,
  '0003-dispute-cases': m0003,
  '0009-rosters': m0009,
  '0010-credit-inspection': m0010,
  '0016-contracts-search': m0016,
  '0013-lists-random-checks': m0013,
  '0015-plans-editing': m0015,
  '0017-performance': m0017,
  '0018-money-precision': m0018,
  '0019-national-recommendation': m0019,
  '0020-registry-performance': m0020,
  '0021-risk-incremental': m0021,
  '0022-pg-short-search': m0022,
  '0014-mediator-development': m0014,
  '0011-portal': m0011,
  '0012-mediation-sessions': m0012,
};
