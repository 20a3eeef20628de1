import { z } from 'zod';

/** Six levels of labor-dispute mediation organisation (seed 003 二(二)). */
export const MEDIATION_LEVELS = {
  city: '市级',
  district: '区级',
  street: '镇街',
  regional: '区域性',
  industry: '行业性',
  enterprise: '企业',
} as const;
export type MediationLevel = keyof typeof MEDIATION_LEVELS;
export const MediationLevel = z.enum(Object.keys(MEDIATION_LEVELS) as [MediationLevel, ...MediationLevel[]]);

/** Five kinds: 仲裁调解、司法调解、人民调解、行政调解、工会调解. */
export const MEDIATION_KINDS = {
  arbitration: '仲裁调解',
  judicial: '司法调解',
  people: '人民调解',
  administrative: '行政调解',
  union: '工会调解',
} as const;
export type MediationKind = keyof typeof MEDIATION_KINDS;
export const MediationKind = z.enum(Object.keys(MEDIATION_KINDS) as [MediationKind, ...MediationKind[]]);
