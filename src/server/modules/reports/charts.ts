import { deflateSync } from 'node:zlib';
import * as echarts from 'echarts';

/** A bar chart rendered server-side to SVG with ECharts SSR (no DOM, no canvas). */
export function barChartSvg(title: string, items: { name: string; value: number; target?: number | null }[], width = 640, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 14, fontFamily: 'SimSun, serif' } },
    grid: { left: 56, right: 24, top: 48, bottom: 72 },
    xAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { interval: 0, rotate: items.length > 5 ? 30 : 0, fontSize: 11 } },
    yAxis: { type: 'value' },
    legend: { bottom: 0, data: ['实际', '目标'] },
    series: [
      { name: '实际', type: 'bar', data: items.map((i) => i.value), itemStyle: { color: '#c0392b' }, barMaxWidth: 36, label: { show: true, position: 'top', fontSize: 11 } },
      { name: '目标', type: 'line', data: items.map((i) => i.target ?? null), itemStyle: { color: '#1f4e79' }, symbol: 'diamond' },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * The PNG fallback for Word processors without SVG support, drawn without extra packages: the same
 * bars (scaled to the largest value) on a white canvas, encoded with zlib. Labels live in the SVG
 * and in the table beside the chart.
 */
export function barChartPng(items: { value: number }[], width = 640, height = 320): Buffer {
  const px = Buffer.alloc(width * height * 3, 0xff);
  const set = (x: number, y: number, rgb: [number, number, number]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = (y * width + x) * 3;
    px[o] = rgb[0];
    px[o + 1] = rgb[1];
    px[o + 2] = rgb[2];
  };
  const left = 56, right = 24, top = 48, bottom = 72;
  for (let x = left; x < width - right; x++) set(x, height - bottom, [0x66, 0x66, 0x66]);
  for (let y = top; y <= height - bottom; y++) set(left, y, [0x66, 0x66, 0x66]);
  const max = Math.max(1, ...items.map((i) => i.value));
  const slot = (width - left - right) / Math.max(1, items.length);
  const barW = Math.min(36, slot * 0.6);
  items.forEach((it, i) => {
    const h = Math.round(((height - top - bottom) * Math.max(0, it.value)) / max);
    const x0 = Math.round(left + slot * i + (slot - barW) / 2);
    for (let x = x0; x < x0 + barW; x++) for (let y = height - bottom - h; y < height - bottom; y++) set(x, y, [0xc0, 0x39, 0x2b]);
  });
  return encodePng(px, width, height);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
export function encodePng(rgb: Buffer, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
