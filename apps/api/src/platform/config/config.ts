// The one place that reads the environment. Everything else receives an AppConfig.
import { randomBytes } from 'node:crypto';

export type Env = Record<string, string | undefined>;

export interface RateLimitConfig {
  enabled: boolean;
  /** Requests per window for one client (IP or credential). */
  points: number;
  windowSeconds: number;
  /** Stricter budget for credential endpoints (login, register, refresh), per IP. */
  authPoints: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  /** True when no DATABASE_URL/REDIS_URL were given and the embedded default runs. */
  embedded: boolean;
  dataDir: string;
  database: { url: string; poolSize: number; logQueries: boolean };
  redis: { url: string | null; keyPrefix: string };
  queue: { driver: 'bullmq' | 'memory'; prefix: string; runWorkerInProcess: boolean };
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    bootstrapAdmin: { email: string; password: string } | null;
  };
  http: { bodyLimitBytes: number; corsOrigins: string[]; trustProxy: boolean; serveApps: boolean };
  rateLimit: RateLimitConfig;
  mail: { smtpUrl: string | null; from: string };
  /** SMS through Twilio's REST API when configured; otherwise messages are written to the log. */
  sms: { twilio: { accountSid: string; authToken: string; from: string; apiUrl: string } | null };
  /** Ticket files (PDF, QR): a local directory, or an S3-compatible bucket. Links are signed and expire. */
  storage: {
    dir: string;
    s3: {
      bucket: string;
      region: string;
      endpoint: string | null;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    } | null;
    linkTtlSeconds: number;
  };
  /** Nominatim-compatible geocoder (the Maps API); null: venues are placed by hand. */
  geocoder: { url: string | null; userAgent: string; timeoutMs: number };
  /** Encrypts the per-event ticket signing keys at rest (AES-256-GCM). */
  ticketSigningSecret: string;
  /** How long anonymous catalog reads (events, ticket types) may be served from memory. */
  catalogCacheMs: number;
  payments: {
    sandbox: boolean;
    stripe: { secretKey: string; webhookSecret: string; publishableKey: string | null; apiUrl: string | null } | null;
    paypal: {
      clientId: string;
      clientSecret: string;
      environment: 'sandbox' | 'production';
      proxyUrl: string | null;
    } | null;
    /** Purchases still pending payment after this long are checked with the provider. */
    reconcileAfterMinutes: number;
  };
  log: { level: string; pretty: boolean };
  seedDemo: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n - ${problems.join('\n - ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads process.env once. Callers may layer overrides (the launcher sets DATABASE_URL for the embedded database). */
export function readEnv(overrides: Env = {}): Env {
  return { ...process.env, ...overrides };
}

const bool = (v: string | undefined, dflt: boolean): boolean =>
  v === undefined || v === '' ? dflt : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());

export function loadConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const int = (name: string, dflt: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return dflt;
    }
    return n;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = env[name];
    if (!raw) return null;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const geocoderUrl = url('GEOCODER_URL', ['http:', 'https:']);
  const embedded = bool(env.TESSERA_EMBEDDED, false);
  if (!databaseUrl)
    problems.push('DATABASE_URL is required (npm start provides an embedded database when it is unset)');

  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (nodeEnv === 'production') problems.push('JWT_SECRET is required in production');
    else jwtSecret = randomBytes(32).toString('base64url');
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }

  let ticketSigningSecret = env.TICKET_SIGNING_SECRET ?? '';
  if (!ticketSigningSecret) {
    if (nodeEnv === 'production') problems.push('TICKET_SIGNING_SECRET is required in production');
    else ticketSigningSecret = randomBytes(32).toString('base64url');
  } else if (ticketSigningSecret.length < 32) {
    problems.push('TICKET_SIGNING_SECRET must be at least 32 characters');
  }

  const adminEmail = env.BOOTSTRAP_ADMIN_EMAIL;
  const adminPassword = env.BOOTSTRAP_ADMIN_PASSWORD;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    problems.push('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD go together');
  }
  if (env.STORAGE_S3_BUCKET && !(env.STORAGE_S3_ACCESS_KEY_ID && env.STORAGE_S3_SECRET_ACCESS_KEY))
    problems.push('STORAGE_S3_ACCESS_KEY_ID and STORAGE_S3_SECRET_ACCESS_KEY are required with STORAGE_S3_BUCKET');
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET)
    problems.push('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY');
  if (adminPassword && adminPassword.length < 10)
    problems.push('BOOTSTRAP_ADMIN_PASSWORD must be at least 10 characters');

  const rateLimitRaw = env.RATE_LIMIT ?? 'on';
  if (!['on', 'off'].includes(rateLimitRaw)) problems.push('RATE_LIMIT must be "on" or "off"');

  const port = int('PORT', 3000, 0, 65535);
  const host = env.HOST ?? '0.0.0.0';
  const logLevel = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
  }

  const config: AppConfig = {
    env: nodeEnv,
    port,
    host,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    embedded,
    dataDir: env.DATA_DIR ?? '.data',
    database: {
      url: databaseUrl ?? '',
      poolSize: int('DATABASE_POOL_SIZE', 20, 1, 500),
      logQueries: bool(env.DATABASE_LOG_QUERIES, false),
    },
    redis: { url: redisUrl, keyPrefix: env.REDIS_KEY_PREFIX ?? 'tessera:' },
    queue: {
      driver: redisUrl ? 'bullmq' : 'memory',
      prefix: env.QUEUE_PREFIX ?? 'tessera',
      runWorkerInProcess: !redisUrl || bool(env.WORKER_IN_PROCESS, false),
    },
    auth: {
      jwtSecret,
      accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 900, 10, 86_400),
      refreshTokenTtlSeconds: int('REFRESH_TOKEN_TTL_SECONDS', 30 * 86_400, 60, 365 * 86_400),
      bootstrapAdmin: adminEmail && adminPassword ? { email: adminEmail.toLowerCase(), password: adminPassword } : null,
    },
    http: {
      bodyLimitBytes: int('BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
      corsOrigins: (env.CORS_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      trustProxy: bool(env.TRUST_PROXY, false),
      serveApps: bool(env.SERVE_APPS, true),
    },
    rateLimit: {
      enabled: rateLimitRaw !== 'off',
      points: int('RATE_LIMIT_POINTS', 300, 1, 1_000_000),
      windowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      authPoints: int('RATE_LIMIT_AUTH_POINTS', 20, 1, 1_000_000),
    },
    mail: { smtpUrl, from: env.MAIL_FROM ?? 'Tessera <tickets@localhost>' },
    sms: {
      twilio:
        env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
          ? {
              accountSid: env.TWILIO_ACCOUNT_SID,
              authToken: env.TWILIO_AUTH_TOKEN,
              from: env.TWILIO_FROM,
              apiUrl: url('TWILIO_API_URL', ['http:', 'https:']) ?? 'https://api.twilio.com',
            }
          : null,
    },
    storage: {
      dir: env.STORAGE_DIR ?? `${env.DATA_DIR ?? '.data'}/storage`,
      s3: env.STORAGE_S3_BUCKET
        ? {
            bucket: env.STORAGE_S3_BUCKET,
            region: env.STORAGE_S3_REGION ?? 'us-east-1',
            endpoint: url('STORAGE_S3_ENDPOINT', ['http:', 'https:']),
            accessKeyId: env.STORAGE_S3_ACCESS_KEY_ID ?? '',
            secretAccessKey: env.STORAGE_S3_SECRET_ACCESS_KEY ?? '',
            forcePathStyle: bool(env.STORAGE_S3_FORCE_PATH_STYLE, Boolean(env.STORAGE_S3_ENDPOINT)),
          }
        : null,
      linkTtlSeconds: int('STORAGE_LINK_TTL_SECONDS', 300, 10, 7 * 86_400),
    },
    geocoder: {
      url: geocoderUrl,
      userAgent: env.GEOCODER_USER_AGENT ?? 'Tessera ticketing (self-hosted)',
      timeoutMs: int('GEOCODER_TIMEOUT_MS', 5000, 100, 60_000),
    },
    catalogCacheMs: int('CATALOG_CACHE_MS', 1000, 0, 60_000),
    ticketSigningSecret,
    payments: {
      sandbox: bool(env.PAYMENT_SANDBOX, false),
      stripe: env.STRIPE_SECRET_KEY
        ? {
            secretKey: env.STRIPE_SECRET_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? '',
            publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? null,
            apiUrl: url('STRIPE_API_URL', ['http:', 'https:']),
          }
        : null,
      paypal:
        env.PAYPAL_CLIENT_ID && env.PAYPAL_CLIENT_SECRET
          ? {
              clientId: env.PAYPAL_CLIENT_ID,
              clientSecret: env.PAYPAL_CLIENT_SECRET,
              environment: env.PAYPAL_ENVIRONMENT === 'production' ? 'production' : 'sandbox',
              proxyUrl: url('PAYPAL_API_PROXY', ['http:']),
            }
          : null,
      reconcileAfterMinutes: int('PAYMENT_RECONCILE_AFTER_MINUTES', 15, 1, 24 * 60),
    },
    log: { level: logLevel, pretty: bool(env.LOG_PRETTY, false) },
    seedDemo: bool(env.SEED_DEMO, embedded),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
