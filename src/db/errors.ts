/** PostgreSQL's unique_violation (23505), as raised by either driver (Drizzle wraps it in `cause`). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === "23505" || err.cause?.code === "23505";
}
