import { z } from 'zod';

/** GB/T 4754-2017 国民经济行业分类: the 20 sections (门类). */
export const INDUSTRY_SECTIONS = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
} as const;
export type IndustryCode = keyof typeof INDUSTRY_SECTIONS;
export const IndustryCode = z.enum(Object.keys(INDUSTRY_SECTIONS) as [IndustryCode, ...IndustryCode[]]);

/** 统计上大中小微型企业划分办法（2017）: size classes. */
export const SIZE_CLASSES = { large: '大型', medium: '中型', small: '小型', micro: '微型' } as const;
export type SizeClass = keyof typeof SIZE_CLASSES;
export const SizeClass = z.enum(['large', 'medium', 'small', 'micro']);

/**
 * Size class from headcount alone, using the industrial thresholds of 统计上大中小微型企业划分办法（2017）
 * (从业人员 ≥1000 大型, ≥300 中型, ≥20 小型, otherwise 微型). Revenue criteria are not applied: the registry
 * records the class reported by the enterprise; this is the default when none is reported.
 */
export function sizeClassFromHeadcount(headcount: number): SizeClass {
  if (headcount >= 1000) return 'large';
  if (headcount >= 300) return 'medium';
  if (headcount >= 20) return 'small';
  return 'micro';
}

export const OWNERSHIP_TYPES = {
  state: '国有企业',
  collective: '集体企业',
  private: '私营企业',
  llc: '有限责任公司',
  joint_stock: '股份有限公司',
  foreign: '外商投资企业',
  hmt: '港澳台商投资企业',
  individual: '个体工商户',
  other: '其他',
} as const;
export type Ownership = keyof typeof OWNERSHIP_TYPES;
export const Ownership = z.enum(Object.keys(OWNERSHIP_TYPES) as [Ownership, ...Ownership[]]);
