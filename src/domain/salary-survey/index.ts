export * from './form';
export * from './validate';
export * from './percentiles';
export * from './workflow';
