export declare const ADMIN_DATABASE_URL: string;
export declare const TEST_REDIS_URL: string;
export declare const TEMPLATE_DB: string;
export declare const TEST_DB_PREFIX: string;
export declare function databaseUrl(name: string): string;
export declare const RUN_ID: string;
export declare const TEST_REDIS_PREFIX: string;
