import { isIP } from "node:net";
import { z } from "zod";

/**
 * The one configuration object. Every variable is documented here (description, default,
 * secret flag) and in docs/configuration.md; `loadConfig` validates them all at boot so a
 * bad value stops the process with a message naming the variable.
 */
type VarSpec = { description: string; default?: string; secret?: boolean; schema: z.ZodType };

const port = z.coerce.number().int().min(0).max(65535);
const list = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
// proxy-addr's names for whole ranges, as Fastify's trustProxy understands them.
const proxyRangeNames = ["loopback", "linklocal", "uniquelocal"];
const isAddressOrCidr = (v: string) => {
  if (proxyRangeNames.includes(v)) return true;
  const [addr, bits, ...rest] = v.split("/");
  if (rest.length || !addr || !isIP(addr)) return false;
  if (bits === undefined) return true;
  const max = isIP(addr) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
};
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => ["true", "1", "yes"].includes(v));

export const configSpec = {
  PORT: { description: "HTTP port the web/API server listens on.", default: "3000", schema: port },
  HOST: { description: "Interface the server binds to.", default: "127.0.0.1", schema: z.string().min(1) },
  DATA_DIR: {
    description:
      "Directory for embedded PGlite data and the single-process lock file (used when DATABASE_URL is unset).",
    default: "./data",
    schema: z.string().min(1),
  },
  DATABASE_URL: {
    description:
      "PostgreSQL connection string (postgres://user:pass@host:5432/db). Unset = embedded PGlite in DATA_DIR.",
    secret: true,
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  },
  PGLITE_SHARED_BUFFERS: {
    description:
      "Embedded database only: PostgreSQL's shared_buffers inside PGlite. Small by default to keep the process lean at rest (PostgreSQL's own 128MB was most of its memory).",
    default: "16MB",
    schema: z.string().regex(/^\d+(kB|MB|GB)$/, "must be a size such as 16MB"),
  },
  SECRET_KEY: {
    description:
      "Key for encrypting secrets at rest (SMTP passwords, API keys of providers) and signing links. At least 32 characters. In embedded mode a random key is generated once into DATA_DIR/secret.key when unset.",
    secret: true,
    schema: z.string().min(32, "must be at least 32 characters").optional(),
  },
  PUBLIC_URL: {
    description:
      "Base URL people reach the app at (used in unsubscribe/tracking links). Defaults to http://HOST:PORT.",
    schema: z.string().url().optional(),
  },
  METRICS_TOKEN: {
    description:
      "Bearer token that protects GET /metrics (Prometheus text format). Unset = /metrics is off (404). At least 16 characters.",
    secret: true,
    schema: z.string().min(16, "must be at least 16 characters").optional(),
  },
  LOG_LEVEL: {
    description: "pino log level.",
    default: "info",
    schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
  },
  WORKER_CONCURRENCY: {
    description: "How many background jobs one worker process runs at once.",
    default: "2",
    schema: z.coerce.number().int().min(1).max(64),
  },
  JOB_LEASE_SECONDS: {
    description:
      "How long a claimed job is leased before another worker may take it over (a worker renews while working).",
    default: "60",
    schema: z.coerce.number().int().min(5).max(3600),
  },
  SEND_LEASE_SECONDS: {
    description:
      "How long a claimed send may stay without a known outcome before it is marked 'uncertain' for a human (the sending process probably died).",
    default: "600",
    schema: z.coerce.number().int().min(1).max(86400),
  },
  LINKEDIN_POLL_MINUTES: {
    description:
      "How often each connected LinkedIn account's relations are read to find accepted invitations the webhook did not report (0 = never).",
    default: "30",
    schema: z.coerce.number().int().min(0).max(1440),
  },
  SEND_IN_FLIGHT: {
    description:
      "How many sends one worker keeps in flight at once. Higher is faster; it is also how many may end 'uncertain' if the worker is killed mid-send.",
    default: "10",
    schema: z.coerce.number().int().min(1).max(256),
  },
  INBOX_POLL_SECONDS: {
    description:
      "How often a worker reads the sender inboxes it holds (IMAP IDLE wakes it at once for servers that announce new mail; this is the fallback).",
    default: "30",
    schema: z.coerce.number().int().min(1).max(3600),
  },
  INBOX_TIMEOUT_SECONDS: {
    description:
      "The most one inbox read may take (connect, greeting, login, fetch). A server that stalls longer fails that read with a clear error on its sender, and delays nothing else.",
    default: "60",
    schema: z.coerce.number().int().min(1).max(600),
  },
  INBOX_CONCURRENCY: {
    description: "How many inboxes one worker reads at once.",
    default: "4",
    schema: z.coerce.number().int().min(1).max(64),
  },
  LOGIN_RATE_LIMIT: {
    description: "Login attempts allowed per IP per minute.",
    default: "10",
    schema: z.coerce.number().int().min(1).max(10000),
  },
  SECURE_COOKIES: {
    description:
      "Always mark the session cookie Secure. Without it the cookie is Secure whenever the request came over HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto).",
    default: "false",
    schema: bool,
  },
  TRUSTED_PROXIES: {
    description:
      "Comma-separated addresses or CIDRs of the reverse proxies in front of the server (or loopback, linklocal, uniquelocal). Only their X-Forwarded-For/-Proto/-Host are believed, for rate limits, logs and the cookie's Secure flag. Empty = none: the connection's own address counts.",
    default: "",
    schema: z
      .string()
      .refine((v) => list(v).every(isAddressOrCidr), "each entry must be an IP address or CIDR"),
  },
  MAIL_HOST_ALLOWLIST: {
    description:
      "Comma-separated hosts/IPs that SMTP, IMAP and verification connections may reach although they resolve to private, loopback or link-local addresses (an internal relay). Empty = none.",
    default: "",
    schema: z.string(),
  },
  FETCH_ALLOW_PRIVATE: {
    description:
      "Comma-separated hosts/IPs that server-side fetches of user-supplied URLs may reach even though they are private or loopback (tests use 127.0.0.1). Empty = none.",
    default: "",
    schema: z.string(),
  },
  DNS_SERVERS: {
    description:
      "Comma-separated DNS servers (ip or ip:port) for audits, email verification and sender domain check look-ups. Empty = the system's resolver.",
    default: "",
    schema: z.string(),
  },
  VERIFY_MAIL_FROM: {
    description:
      "The sender address email verification probes announce (MAIL FROM). Use an address of your own domain.",
    default: "verify@overture.invalid",
    schema: z.string().email(),
  },
  VERIFY_HELO_NAME: {
    description: "The host name email verification probes greet mail servers with (EHLO).",
    default: "overture.invalid",
    schema: z.string().min(1),
  },
  VERIFY_SMTP_PORT: {
    description:
      "The port verification probes connect to on mail servers (25 in the real world; tests use a loopback port).",
    default: "25",
    schema: z.coerce.number().int().min(1).max(65535),
  },
  VERIFY_DOMAIN_INTERVAL_MS: {
    description:
      "The least time between two verification probes to the same mail domain (politeness; servers block eager probers).",
    default: "2000",
    schema: z.coerce.number().int().min(0).max(600000),
  },
  LLM_PROVIDER: {
    description:
      "Which LLM writes messages: none (the built-in writer), openai (OpenAI or any OpenAI-compatible server such as Ollama, vLLM, LM Studio) or anthropic.",
    default: "none",
    schema: z.enum(["none", "openai", "anthropic"]),
  },
  LLM_BASE_URL: {
    description:
      "API base URL of the LLM server, e.g. http://127.0.0.1:11434/v1 for Ollama. Empty = the provider's public API.",
    default: "",
    schema: z.union([z.literal(""), z.string().url()]),
  },
  LLM_API_KEY: {
    description: "API key for the LLM provider (local servers usually accept any value).",
    default: "",
    secret: true,
    schema: z.string(),
  },
  LLM_MODEL: {
    description: "Model name, e.g. gpt-4o-mini, claude-3-5-haiku-latest, llama3.1:8b.",
    default: "gpt-4o-mini",
    schema: z.string().min(1),
  },
  LLM_TIMEOUT_MS: {
    description:
      "How long one LLM request may take before it is abandoned (and retried, then the built-in writer takes over).",
    default: "30000",
    schema: z.coerce.number().int().min(100).max(600000),
  },
  LLM_MAX_RETRIES: {
    description:
      "Retries of a failed LLM request (timeouts, 429 with Retry-After, 5xx) and of an answer that breaks the output rules.",
    default: "2",
    schema: z.coerce.number().int().min(0).max(10),
  },
  LLM_PRICE_INPUT_PER_MTOK: {
    description:
      "Price in USD per million input tokens, to record the cost of each generated message (0 = not priced).",
    default: "0",
    schema: z.coerce.number().min(0),
  },
  LLM_PRICE_OUTPUT_PER_MTOK: {
    description: "Price in USD per million output tokens (0 = not priced).",
    default: "0",
    schema: z.coerce.number().min(0),
  },
} satisfies Record<string, VarSpec>;

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  pgliteSharedBuffers: string;
  secretKey?: string;
  publicUrl?: string;
  logLevel: string;
  metricsToken: string | null;
  workerConcurrency: number;
  jobLeaseSeconds: number;
  loginRateLimit: number;
  sendLeaseSeconds: number;
  sendInFlight: number;
  inbox: { pollSeconds: number; timeoutSeconds: number; concurrency: number };
  linkedinPollMinutes: number;
  secureCookies: boolean;
  trustedProxies: string[];
  fetchAllowPrivate: string[];
  mailHostAllowlist: string[];
  dnsServers: string[];
  verify: { mailFrom: string; heloName: string; smtpPort: number; domainIntervalMs: number };
  llm: LlmConfig;
};

export type LlmConfig = {
  provider: "none" | "openai" | "anthropic";
  baseUrl: string | null;
  apiKey: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  pricePerMTok: { input: number; output: number };
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(configSpec) as [string, VarSpec][]) {
    const raw = env[name] === "" && spec.default === undefined ? undefined : (env[name] ?? spec.default);
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else
      problems.push(
        `${name}: ${parsed.error.issues.map((i) => i.message).join("; ")} (got ${spec.secret ? "<secret>" : JSON.stringify(raw)})`,
      );
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  return {
    port: values.PORT as number,
    host: values.HOST as string,
    dataDir: values.DATA_DIR as string,
    databaseUrl: values.DATABASE_URL as string | undefined,
    pgliteSharedBuffers: values.PGLITE_SHARED_BUFFERS as string,
    secretKey: values.SECRET_KEY as string | undefined,
    publicUrl: values.PUBLIC_URL as string | undefined,
    logLevel: values.LOG_LEVEL as string,
    metricsToken: (values.METRICS_TOKEN as string | undefined) ?? null,
    workerConcurrency: values.WORKER_CONCURRENCY as number,
    jobLeaseSeconds: values.JOB_LEASE_SECONDS as number,
    loginRateLimit: values.LOGIN_RATE_LIMIT as number,
    sendLeaseSeconds: values.SEND_LEASE_SECONDS as number,
    sendInFlight: values.SEND_IN_FLIGHT as number,
    inbox: {
      pollSeconds: values.INBOX_POLL_SECONDS as number,
      timeoutSeconds: values.INBOX_TIMEOUT_SECONDS as number,
      concurrency: values.INBOX_CONCURRENCY as number,
    },
    linkedinPollMinutes: values.LINKEDIN_POLL_MINUTES as number,
    secureCookies: values.SECURE_COOKIES as boolean,
    trustedProxies: list(values.TRUSTED_PROXIES as string),
    mailHostAllowlist: list(values.MAIL_HOST_ALLOWLIST as string).map((h) => h.toLowerCase()),
    fetchAllowPrivate: (values.FETCH_ALLOW_PRIVATE as string)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    verify: {
      mailFrom: values.VERIFY_MAIL_FROM as string,
      heloName: values.VERIFY_HELO_NAME as string,
      smtpPort: values.VERIFY_SMTP_PORT as number,
      domainIntervalMs: values.VERIFY_DOMAIN_INTERVAL_MS as number,
    },
    llm: {
      provider: values.LLM_PROVIDER as LlmConfig["provider"],
      baseUrl: (values.LLM_BASE_URL as string) || null,
      apiKey: values.LLM_API_KEY as string,
      model: values.LLM_MODEL as string,
      timeoutMs: values.LLM_TIMEOUT_MS as number,
      maxRetries: values.LLM_MAX_RETRIES as number,
      pricePerMTok: {
        input: values.LLM_PRICE_INPUT_PER_MTOK as number,
        output: values.LLM_PRICE_OUTPUT_PER_MTOK as number,
      },
    },
    dnsServers: (values.DNS_SERVERS as string)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
