export * from './common';
export * from './severance';
export * from './annual-leave';
export * from './overtime';
export * from './double-wage';
export * from './arbitration-limitation';
export * from './deadlines';
