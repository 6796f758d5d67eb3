/**
 * Expected failures are values with a code; only the API edge maps codes to HTTP statuses.
 * Bugs throw ordinary Errors and surface as 500s.
 */
export type AppErrorCode =
  | "validation"
  | "too_large"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "not_ready"
  | "rate_limited"
  | "setup_done"
  | "integration_missing"
  | "upstream_failed";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
