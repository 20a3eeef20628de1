export * from './grades';
export * from './evaluation';
export * from './lists';
