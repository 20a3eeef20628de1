export * from './chinese-capital';
