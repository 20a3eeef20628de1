import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../identifiers/uscc';
import { fieldForHeader, findHeaderRow, mapHeaders } from './import-headers';
import { parseBool, parseDate, parseIndustry, parseRate, parseSize, validateImportRow, type RegionResolver } from './import-row';

const code = (n: number) => {
  const b = `91440300${String(n).padStart(9, '0')}`;
  return b + usccCheckChar(b);
};
const regions: RegionResolver = {
  street: (n) => ({ 新桥街道: '441999003', 新桥: '441999003', 石门镇: '441999006' })[n],
  park: (n) => (n === '新桥科创园' ? { id: '441999003101', streetId: '441999003' } : undefined),
};

describe('header mapping', () => {
  it.each([
    ['企业名称', 'name'],
    ['单位名称', 'name'],
    [' 企业 名称 ', 'name'],
    ['*企业名称', 'name'],
    ['统一社会信用代码', 'uscc'],
    ['信用代码', 'uscc'],
    ['统一社会信用代码（注册号）', 'uscc'],
    ['镇街', 'street'],
    ['街道（镇）', 'street'],
    ['街道(镇)', 'street'],
    ['职工人数（人）', 'headcount'],
    ['从业人数', 'headcount'],
    ['是否规上企业', 'isKey'],
    ['建会情况', 'unionEstablished'],
    ['劳动合同签订率(%)', 'contractSigningRate'],
    ['联系电话：', 'contactPhone'],
    ['备注', undefined],
  ])('%s → %s', (h, f) => expect(fieldForHeader(h)).toBe(f));

  it('reports missing required columns and ignored ones', () => {
    const m = mapHeaders(['单位名称', '备注', '', '镇街']);
    expect(m.missing).toEqual(['uscc']);
    expect(m.ignored).toEqual(['备注']);
    expect(m.columns.get(3)).toBe('street');
  });

  it('finds the header row below merged title rows', () => {
    const rows = [['云溪区企业台账（2026年）', '', ''], ['填报单位：人社局', '', '填报日期：2026年3月1日'], ['序号', '单位名称', '信用代码'], ['1', '甲公司', 'x']];
    expect(findHeaderRow(rows)).toBe(2);
    expect(findHeaderRow([['a', 'b']])).toBe(-1);
  });
});

describe('cell parsers', () => {
  it.each([
    ['2021-05-01', '2021-05-01'],
    ['2021/5/1', '2021-05-01'],
    ['2021.5.1', '2021-05-01'],
    ['2021年5月1日', '2021-05-01'],
    ['20210501', '2021-05-01'],
    ['44317', '2021-05-01'],
    ['2021-02-30', undefined],
    ['去年', undefined],
  ])('date %s → %s', (raw, d) => expect(parseDate(raw)).toBe(d));
  it.each([
    ['98%', 0.98],
    ['98％', 0.98],
    ['0.98', 0.98],
    ['98', 0.98],
    ['1', 1],
    ['120%', undefined],
    ['abc', undefined],
  ])('rate %s → %s', (raw, r) => expect(parseRate(raw)).toBe(r));
  it('industries, sizes and yes/no', () => {
    expect(parseIndustry('C 制造业')).toBe('C');
    expect(parseIndustry('c')).toBe('C');
    expect(parseIndustry('批发和零售业')).toBe('F');
    expect(parseIndustry('制造')).toBe('C');
    expect(parseIndustry('航天')).toBeUndefined();
    expect(parseSize('小型')).toBe('small');
    expect(parseSize('微')).toBe('micro');
    expect(parseSize('超大')).toBeUndefined();
    expect(parseBool('是')).toBe(true);
    expect(parseBool('√')).toBe(true);
    expect(parseBool('否')).toBe(false);
    expect(parseBool('也许')).toBeUndefined();
  });
});

describe('row validation', () => {
  const today = '2026-11-26';
  it('accepts a full row and derives size and union flag', () => {
    const r = validateImportRow({ name: '甲公司', uscc: code(1).toLowerCase(), street: '新桥', park: '新桥科创园', headcount: '1,200', unionEstablishedOn: '2020/1/2', contractSigningRate: '99%', contactPhone: '138 1234 5678' }, regions, today);
    expect(r.problems).toEqual([]);
    expect(r.value).toMatchObject({ uscc: code(1), regionId: '441999003101', headcount: 1200, sizeClass: 'large', unionEstablished: true, unionEstablishedOn: '2020-01-02', contractSigningRate: 0.99, contactPhone: '13812345678' });
  });

  it.each([
    [{ name: '', uscc: code(2) }, 'name', '企业名称不能为空'],
    [{ name: '甲公司', uscc: '123' }, 'uscc', '统一社会信用代码应为18位，当前为3位'],
    [{ name: '甲公司', uscc: code(3), street: '火星街道' }, 'street', '未知的街道（镇）“火星街道”'],
    [{ name: '甲公司', uscc: code(4), street: '石门镇', park: '新桥科创园' }, 'park', '园区“新桥科创园”不在石门镇'],
    [{ name: '甲公司', uscc: code(5), headcount: '-3' }, 'headcount', '职工人数应为非负整数，当前为“-3”'],
    [{ name: '甲公司', uscc: code(6), headcount: '10', unionMembers: '11' }, 'unionMembers', '工会会员数（11）不能多于职工人数（10）'],
    [{ name: '甲公司', uscc: code(7), registeredOn: '2030-01-01' }, 'registeredOn', '成立日期不能晚于今天'],
    [{ name: '甲公司', uscc: code(8), unionEstablished: '否', unionEstablishedOn: '2020-01-01' }, 'unionEstablished', '填写了建会时间，但“是否建会”为否'],
    [{ name: '甲公司', uscc: code(9), contactPhone: '12345' }, 'contactPhone', '联系电话格式不正确“12345”'],
    [{ name: '甲公司', uscc: code(10), isKey: '大概' }, 'isKey', '重点企业应填写“是”或“否”，当前为“大概”'],
  ] as const)('%j → %s: %s', (cells, field, reason) => {
    const r = validateImportRow(cells, regions, today);
    expect(r.value).toBeUndefined();
    expect(r.problems).toContainEqual({ field, reason });
  });
});
