import { defineConfig } from "vitest/config";

// Two projects: fast pure unit tests beside the domain code, and integration/e2e
// tests that start real databases, servers and browsers.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ["test/support/globalSetup.ts"],
          // Server and worker processes the tests start inherit it: their mail peers are on loopback.
          env: { MAIL_HOST_ALLOWLIST: "127.0.0.1,localhost,::1" },
        },
      },
    ],
  },
});
