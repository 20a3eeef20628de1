export * from './uscc';
export * from './id-number';
