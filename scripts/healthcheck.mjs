// The container's health check: exit 0 when /api/health answers 200 (database reachable,
// migrations current, a worker alive), 1 otherwise. Uses the same PORT as the server.
const port = process.env.PORT || "3000";
try {
  const r = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(4000) });
  process.exit(r.ok ? 0 : 1);
} catch {
  process.exit(1);
}
