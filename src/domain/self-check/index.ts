export * from './questions';
export * from './rules';
