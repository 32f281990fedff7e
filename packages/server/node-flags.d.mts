// Types of node-flags.mjs (plain JavaScript so that `baomi` runs it before anything is compiled).
export declare const SERVE_V8_FLAGS: string[];
export declare function missingServeFlags(execArgv?: string[], nodeOptions?: string): string[];
export declare function applyServeFlags(): void;
