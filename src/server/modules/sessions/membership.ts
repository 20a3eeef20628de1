import type { AuthPrincipal, AppContext } from '../../context';
import { can } from '../../../domain/access/policy';
import { canOnCase } from '../cases/policy';
import { accountPhone } from '../cases/case-access';
import { isApplicantOf, type CaseRow } from '../cases/repo';

/** A member's place in a room: the mediator, one of the two sides, or a read-only official. */
export type RoomRole = 'mediator' | 'applicant' | 'respondent' | 'observer';
export type Channel = 'main' | 'applicant' | 'respondent';
export const CHANNELS: readonly Channel[] = ['main', 'applicant', 'respondent'];

export interface Member {
  userId: string;
  name: string;
  role: RoomRole;
}

export const ROLE_LABELS: Record<RoomRole, string> = { mediator: '调解员', applicant: '申请人', respondent: '被申请人', observer: '旁听' };
export const CHANNEL_LABELS: Record<Channel, string> = { main: '调解室', applicant: '背对背·申请人', respondent: '背对背·被申请人' };

/**
 * Who a principal is in the rooms of a case, or null (not a member: 404 everywhere).
 * Mediators of the case's organisation run the room; the applicant workers (by account or phone) and the
 * respondent enterprise's users are the two sides; officials, arbitrators and admins who may read the case
 * follow it read-only and never see the side rooms.
 */
export async function memberOf(ctx: AppContext, p: AuthPrincipal | null, c: CaseRow): Promise<Member | null> {
  if (!p || p.kind !== 'user') return null;
  const base = { userId: p.id, name: p.displayName };
  if (!can(p, 'session.join')) return null;
  if (p.roles.includes('mediator') && canOnCase(p, 'case.handle', c)) return { ...base, role: 'mediator' };
  if (p.roles.includes('worker') && (await isApplicantOf(ctx.db, c.id, p.id, await accountPhone(ctx, p))))
    return { ...base, role: 'applicant' };
  if (p.roles.includes('enterprise') && p.enterpriseId && p.enterpriseId === c.enterprise_id) return { ...base, role: 'respondent' };
  if (p.roles.some((r) => r === 'official' || r === 'admin' || r === 'arbitrator') && canOnCase(p, 'case.read', c))
    return { ...base, role: 'observer' };
  return null;
}

/** 背对背: a side room is seen by the mediator and that side only; the main room by every member. */
export function canSee(role: RoomRole, channel: string): boolean {
  if (channel === 'main') return true;
  if (role === 'mediator') return channel === 'applicant' || channel === 'respondent';
  return role === channel;
}

/** Which channels a member may write to (observers write nowhere; a side writes to main and its own side room). */
export function canWrite(role: RoomRole, channel: Channel): boolean {
  if (role === 'observer') return false;
  return canSee(role, channel);
}

export function visibleChannels(role: RoomRole): Channel[] {
  return CHANNELS.filter((ch) => canSee(role, ch));
}
