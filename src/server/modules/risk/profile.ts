/** Phase timings (wall and CPU) of the risk pipeline, printed when HEXIE_RISK_PROFILE is set (benchmarks only). */
const on = !!process.env.HEXIE_RISK_PROFILE;
let last = 0;
let lastCpu = 0;
export function phase(label: string): void {
  if (!on) return;
  const t = performance.now();
  const c = process.cpuUsage();
  const cpu = (c.user + c.system) / 1000;
  if (last && label !== 'start') console.log(`    [risk] ${label}: ${(t - last).toFixed(0)} ms (CPU ${(cpu - lastCpu).toFixed(0)} ms)`);
  last = t;
  lastCpu = cpu;
}
