import { runPayrollMonitorJob } from '../modules/wage-arrears/projects';
import type { Job } from './scheduler';

const HOUR = 3600_000;

/**
 * 欠薪监测: every six hours, each active construction project whose monthly wages are past their pay day
 * and unconfirmed raises one alert per month (保障农民工工资支付条例 第二十七条、第三十一条); idempotent, so
 * officials' manual runs (`POST /api/wage/monitor/run`) and the schedule never double an alert.
 */
export const WAGE_JOBS: Job[] = [{ name: 'wage-payroll-monitor', everyMs: 6 * HOUR, leaseMs: 30 * 60_000, run: runPayrollMonitorJob }];
