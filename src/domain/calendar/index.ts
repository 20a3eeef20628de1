export * from './iso-date';
export * from './holidays';
export {
  addWorkingDays,
  endOfPeriod,
  endOfPeriodInMonths,
  isRestDay,
  isWorkingDay,
  nextWorkingDay,
  onOrNextWorkingDay,
  uncoveredYears,
  workingDaysBetween,
  type PeriodOptions,
} from './periods';
