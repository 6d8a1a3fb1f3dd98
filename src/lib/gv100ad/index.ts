// The Destatis municipality register (GV100AD) and the official keys AGS/ARS.
export * from './layout';
export * from './keys';
export * from './parse';
export * from './format';
export * from './decode';
