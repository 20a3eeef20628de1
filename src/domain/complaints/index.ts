export * from './time-limits';
export * from './workflow';
