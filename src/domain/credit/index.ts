export * from './grades';
export * from './evaluation';
