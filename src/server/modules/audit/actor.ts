import type { Actor } from '../../context';

/** The actor columns of an audit row. */
export const auditActor = (actor: Actor) => ({ actorId: actor.principal?.id ?? null, actorName: actor.principal?.displayName ?? null, ip: actor.ip });
