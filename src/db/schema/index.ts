export * from './accounts';
export * from './applications';
export * from './audit';
export * from './organisations';
export * from './programmes';
export * from './regions';
export * from './review';
export * from './jury';
