export * from './outreach';
export * from './policies';
export * from './recruitment';
export * from './cultivation';
export * from './harmony';
