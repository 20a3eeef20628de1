import ExcelJS from 'exceljs';
import { INDUSTRY_SECTIONS, OWNERSHIP_TYPES, SIZE_CLASSES } from '../../../../domain/enterprise/industries';
import { TEMPLATE_HEADERS } from '../../../../domain/enterprise/import-headers';

/** The import template: Chinese headers, one example row, and a sheet explaining the accepted values. */
export async function importTemplate(streets: string[], parks: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '和谐 · 劳动关系公共服务平台';
  const ws = wb.addWorksheet('企业台账');
  ws.addRow(TEMPLATE_HEADERS.map((h) => h.header));
  ws.addRow(TEMPLATE_HEADERS.map((h) => h.example));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = Math.max(12, TEMPLATE_HEADERS[i]!.header.length * 2.2 + 2)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 90 }];
  const lines: [string, string][] = [
    ['必填列', '企业名称、统一社会信用代码（18位，GB 32100-2015）'],
    ['所属街道', `可填：${streets.join('、')}`],
    ['所属园区', `可填：${parks.join('、')}（园区所在街道须一致）`],
    ['行业', Object.entries(INDUSTRY_SECTIONS).map(([k, v]) => `${k} ${v}`).join('；')],
    ['经济类型', Object.values(OWNERSHIP_TYPES).join('、')],
    ['企业规模', `${Object.values(SIZE_CLASSES).join('、')}（不填时按职工人数推算）`],
    ['是/否列', '重点企业、是否建会：填“是”或“否”'],
    ['日期', '如 2021-05-01、2021/5/1 或 2021年5月1日'],
    ['签订率', '如 98% 或 0.98'],
    ['重复导入', '统一社会信用代码相同的企业将被更新；内容相同的行不作改动'],
  ];
  help.addRow(['项目', '说明']).font = { bold: true };
  for (const l of lines) help.addRow(l);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
