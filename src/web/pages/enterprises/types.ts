export interface EnterpriseItem {
  id: string;
  name: string;
  uscc: string;
  regionId: string;
  regionName: string | null;
  streetName: string | null;
  parkName: string | null;
  industryCode: string | null;
  industryName: string | null;
  sizeClass: string | null;
  sizeName: string | null;
  headcount: number | null;
  isKey: boolean;
  unionEstablished: boolean;
  unionMembers: number | null;
  riskLevel: string | null;
  creditGrade?: string | null;
  riskName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  version: number;
}

export interface EnterpriseDetail extends EnterpriseItem {
  legalRepresentative: string | null;
  address: string | null;
  ownership: string | null;
  ownershipName: string | null;
  unionEstablishedOn: string | null;
  unionChair: string | null;
  unionMemberRate: number | null;
  contractSigningRate: number | null;
  collectiveContractName: string | null;
  contacts: { name: string; role?: string; phone?: string }[];
  coordinatorUserId: string | null;
  coordinatorName: string | null;
  registeredOn: string | null;
  headcountHistory: { asOf: string; headcount: number; source: string }[];
  abilities: { update: boolean; updateFields: string[] | 'all'; reveal: boolean; assignCoordinator: boolean };
}

export interface RegionNode {
  id: string;
  name: string;
  level: string;
  children: RegionNode[];
}

export const RISK_COLORS: Record<string, string> = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' };
