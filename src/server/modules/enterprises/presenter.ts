import type { Principal } from '../../../domain/access/policy';
import { INDUSTRY_SECTIONS, OWNERSHIP_TYPES, SIZE_CLASSES, type IndustryCode, type Ownership, type SizeClass } from '../../../domain/enterprise/industries';
import { COLLECTIVE_CONTRACT_STATUSES, RISK_LEVELS, type CollectiveContractStatus, type Contact, type RiskLevel } from '../../../domain/enterprise/registry';
import { maskPhone } from '../../../domain/identifiers/id-number';
import { abilitiesFor } from './policy';
import type { EnterpriseRow, regionNames } from './repo';

type Regions = Awaited<ReturnType<typeof regionNames>>;

export const maskAny = (phone: string | null | undefined) => (phone ? maskPhone(phone) : null);

export function parseContacts(json: string | null): Contact[] {
  if (!json) return [];
  try {
    return JSON.parse(json) as Contact[];
  } catch {
    return [];
  }
}

/** Street (街道/镇) and park of a region id: region ids are hierarchical, the street is the 9-digit prefix. */
export function placeOf(regions: Regions, regionId: string) {
  const region = regions.get(regionId);
  const street = regions.get(regionId.slice(0, 9));
  return {
    regionName: region?.name ?? null,
    streetId: street ? street.id : null,
    streetName: street?.name ?? null,
    parkId: region?.level === 'park' ? region.id : null,
    parkName: region?.level === 'park' ? region.name : null,
  };
}

export function presentListItem(e: EnterpriseRow, regions: Regions, reveal = false) {
  return {
    id: e.id,
    name: e.name,
    uscc: e.uscc,
    regionId: e.region_id,
    ...placeOf(regions, e.region_id),
    industryCode: e.industry_code,
    industryName: e.industry_code ? (INDUSTRY_SECTIONS[e.industry_code as IndustryCode] ?? null) : null,
    sizeClass: e.size_class,
    sizeName: e.size_class ? (SIZE_CLASSES[e.size_class as SizeClass] ?? null) : null,
    headcount: e.headcount,
    isKey: e.is_key === 1,
    unionEstablished: e.union_established === 1,
    unionMembers: e.union_members,
    riskLevel: e.risk_level,
    creditGrade: e.credit_grade,
    riskName: e.risk_level ? (RISK_LEVELS[e.risk_level as RiskLevel] ?? null) : null,
    collectiveContractStatus: e.collective_contract_status,
    contactName: e.contact_name,
    contactPhone: reveal ? e.contact_phone : maskAny(e.contact_phone),
    coordinatorUserId: e.coordinator_user_id,
    version: e.version,
    updatedAt: e.updated_at,
  };
}

export function presentDetail(e: EnterpriseRow, regions: Regions, p: Principal, extra: { coordinatorName: string | null; headcountHistory: { asOf: string; headcount: number; source: string }[] }) {
  return {
    ...presentListItem(e, regions),
    legalRepresentative: e.legal_representative,
    address: e.address,
    ownership: e.ownership,
    ownershipName: e.ownership ? (OWNERSHIP_TYPES[e.ownership as Ownership] ?? null) : null,
    headcountAsOf: e.headcount_as_of,
    unionEstablishedOn: e.union_established_on,
    unionChair: e.union_chair,
    unionMemberRate: e.union_members !== null && e.headcount ? Math.round((e.union_members / e.headcount) * 1000) / 1000 : null,
    contractSigningRate: e.contract_signing_rate,
    collectiveContractName: e.collective_contract_status ? (COLLECTIVE_CONTRACT_STATUSES[e.collective_contract_status as CollectiveContractStatus] ?? null) : null,
    contacts: parseContacts(e.contacts).map((c) => ({ ...c, phone: maskAny(c.phone) ?? undefined })),
    coordinatorName: extra.coordinatorName,
    registeredOn: e.registered_on,
    createdAt: e.created_at,
    headcountHistory: extra.headcountHistory,
    abilities: abilitiesFor(p, e),
  };
}
