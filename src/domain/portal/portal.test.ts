import { describe, expect, it } from 'vitest';
import { checkEvidence, MAX_EVIDENCE_BYTES } from './evidence';
import { agreementEffective, mayRate, nextStep, plainEvent } from './plain-words';

const b = (...xs: number[]) => new Uint8Array(xs);
const PNG = b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0);
const PDF = new TextEncoder().encode('%PDF-1.7\n');
const JPG = b(0xff, 0xd8, 0xff, 0xe0);

describe('checkEvidence', () => {
  it.each([
    ['photo.png', 'image/png', PNG, true],
    ['photo.JPG', 'image/jpeg', JPG, true],
    ['photo.jpeg', 'image/jpeg; charset=binary', JPG, true],
    ['a.pdf', 'application/pdf', PDF, true],
    ['a.png', 'image/png', PDF, false], // bytes are a PDF
    ['a.pdf', 'image/png', PNG, false], // extension disagrees with the type
    ['a.gif', 'image/gif', b(0x47, 0x49, 0x46), false], // not an accepted type
    ['a.exe', 'application/x-msdownload', b(0x4d, 0x5a), false],
    ['a.png', 'image/png', b(0x7f, 0x45, 0x4c, 0x46), false], // ELF behind an image name
    ['a.sh', 'text/x-shellscript', new TextEncoder().encode('#!/bin/sh'), false],
    ['a.js', 'application/pdf', PDF, false], // script extension
    ['a.pdf', 'text/html', PDF, false],
    ['a.svg', 'image/svg+xml', new TextEncoder().encode('<svg>'), false],
  ] as const)('%s as %s → %s', (fileName, declaredType, bytes, ok) => {
    expect(checkEvidence({ fileName, declaredType, bytes }).ok).toBe(ok);
  });

  it('names the reason: empty 400, too large 413, programs 415', () => {
    expect(checkEvidence({ fileName: 'a.png', declaredType: 'image/png', bytes: b() })).toMatchObject({ ok: false, status: 400 });
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(PNG);
    expect(checkEvidence({ fileName: 'a.png', declaredType: 'image/png', bytes: big })).toMatchObject({ ok: false, status: 413 });
    expect(checkEvidence({ fileName: 'a.exe', declaredType: 'application/octet-stream', bytes: b(0x4d, 0x5a) })).toMatchObject({
      ok: false,
      status: 415,
      message: '不能上传程序或脚本文件',
    });
  });
});

describe('plain words', () => {
  it.each([
    ['create', 'applicant', '您的调解申请已提交，等待调解组织受理'],
    ['create', 'respondent', '劳动者提出了调解申请'],
    ['accept_mediation', 'applicant', '调解组织已受理您的申请，将安排调解'],
    ['terminate_mediation', 'applicant', '调解没有成功，已终止；您可以申请劳动仲裁'],
    ['agreement_effective', 'respondent', '双方都已确认，协议生效'],
  ] as const)('%s for the %s', (action, party, text) => {
    expect(plainEvent(action, party)).toBe(text);
  });
  it('unknown actions have no plain words (the caller falls back to the official label)', () => {
    expect(plainEvent('something_new', 'applicant')).toBeNull();
  });

  it.each([
    ['registered', 'applicant', { kind: 'mediationAcceptanceDue', date: '2025-03-06' }, '等待调解组织决定是否受理（2025-03-06前）'],
    ['mediating', 'applicant', { kind: 'mediationDue', date: '2025-03-18' }, '调解进行中，应在2025-03-18前结束；到期未达成协议的，您可以申请劳动仲裁'],
    ['mediating', 'respondent', { kind: 'mediationDue', date: '2025-03-18' }, '调解进行中，应在2025-03-18前结束'],
    ['negotiating', 'respondent', { kind: 'negotiationResponseDue', date: '2025-03-08' }, '请与劳动者协商并答复（2025-03-08前）'],
    ['declined', 'applicant', null, '您可以向劳动人事争议仲裁委员会申请仲裁'],
    ['declined', 'respondent', null, null],
    ['closed', 'applicant', null, '案件已办结，欢迎评价本次服务'],
  ] as const)('next step when %s, for the %s', (status, party, due, text) => {
    expect(nextStep(status, party, due)).toBe(text);
  });
});

describe('confirmation and rating rules', () => {
  it.each([
    [[], false],
    [['applicant'], false],
    [['respondent'], false],
    [['applicant', 'respondent'], true],
    [['respondent', 'applicant', 'applicant'], true],
  ] as const)('confirmed by %j → effective %s', (parties, effective) => {
    expect(agreementEffective(parties)).toBe(effective);
  });
  it.each([
    [null, false, false],
    ['2025-03-03', false, true],
    ['2025-03-03', true, false],
  ] as const)('closed on %s, already rated %s → may rate %s', (closedOn, rated, ok) => {
    expect(mayRate({ closedOn }, rated)).toBe(ok);
  });
});
