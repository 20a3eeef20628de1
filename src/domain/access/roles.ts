import { z } from 'zod';

export const ROLES = [
  'admin',
  'official',
  'arbitrator',
  'mediator',
  'coordinator',
  'data_provider',
  'enterprise',
  'worker',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS = {
  admin: '平台管理员',
  official: '部门工作人员',
  arbitrator: '仲裁员',
  mediator: '调解员',
  coordinator: '劳动关系协调员',
  data_provider: '数据提供方',
  enterprise: '企业用户',
  worker: '劳动者',
} as const satisfies Record<Role, string>;

/** Kinds of org unit: government departments, mediation organisations, enterprises, the platform itself. */
export const ORG_UNIT_KINDS = [
  'platform',
  'hrss', // 人社局
  'arbitration', // 劳动人事争议仲裁院
  'union', // 总工会
  'federation', // 工商联
  'court', // 人民法院
  'data_bureau', // 政数局
  'justice', // 司法局
  'street_office', // 街道办/镇政府
  'mediation_org',
  'enterprise',
] as const;
export const OrgUnitKind = z.enum(ORG_UNIT_KINDS);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

export const ORG_UNIT_KIND_LABELS = {
  platform: '平台运营',
  hrss: '人力资源和社会保障局',
  arbitration: '劳动人事争议仲裁院',
  union: '总工会',
  federation: '工商联',
  court: '人民法院',
  data_bureau: '政务服务数据管理局',
  justice: '司法局',
  street_office: '街道办事处/镇人民政府',
  mediation_org: '调解组织',
  enterprise: '企业',
} as const satisfies Record<OrgUnitKind, string>;

export const REGION_LEVELS = ['district', 'street', 'town', 'park', 'community'] as const;
export const RegionLevel = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof RegionLevel>;
export const REGION_LEVEL_LABELS = {
  district: '区',
  street: '街道',
  town: '镇',
  park: '园区',
  community: '社区',
} as const satisfies Record<RegionLevel, string>;
