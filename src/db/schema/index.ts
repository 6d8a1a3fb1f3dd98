export * from './accounts';
export * from './audit';
export * from './programmes';
export * from './regions';
