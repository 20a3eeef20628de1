export * from './claim-types';
export * from './deadlines';
export * from './state-machine';
export * from './collective';
