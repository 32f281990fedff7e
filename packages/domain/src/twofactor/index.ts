export * from './base32.ts';
export * from './otpauth.ts';
export * from './requirement.ts';
