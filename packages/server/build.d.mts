// Types of build.mjs (plain JavaScript so that `baomi` and `npm start` run it without tsx).
export declare const DIST_ENTRY: string;
export declare const SOURCES: string[];
export declare function isFresh(entry?: string, sources?: string[]): boolean;
export declare function build(outfile?: string): Promise<void>;
