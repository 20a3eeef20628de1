import type { Selectable } from 'kysely';
import { Role } from '../../../domain/access/roles';
import type { DbOrTrx } from '../../db';
import type { UserTable } from '../../db/schema';
import type { AuthPrincipal } from '../../context';

export type UserRow = Selectable<UserTable>;

export const findUserByUsername = (db: DbOrTrx, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = (db: DbOrTrx, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByPhone = (db: DbOrTrx, phone: string) =>
  db.selectFrom('users').selectAll().where('phone', '=', phone).executeTakeFirst();

export function parseRoles(json: string): Role[] {
  const parsed: unknown = JSON.parse(json);
  return Role.array().parse(parsed);
}

export function toPrincipal(u: UserRow): AuthPrincipal {
  return {
    kind: 'user',
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: parseRoles(u.roles),
    orgUnitId: u.org_unit_id,
    regionId: u.region_id,
    enterpriseId: u.enterprise_id,
    isDemo: u.is_demo === 1,
  };
}
