import argon2 from "argon2";
import { AppError } from "../../domain/appError";

export const MIN_PASSWORD_LENGTH = 8;

export function assertPasswordAcceptable(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AppError("validation", `password must be at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: "password",
    });
}

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
export const verifyPassword = (hash: string, password: string) =>
  argon2.verify(hash, password).catch(() => false);
