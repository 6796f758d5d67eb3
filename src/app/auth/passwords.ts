import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import argon2 from "argon2";
import { AppError } from "../../domain/appError";

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's 0–4 scale; 3 is "safely unguessable" (about 10^8 guesses and more). */
const MIN_SCORE = 3;

// Loaded and built on first use: the dictionaries take a fifth of a second and ~30 MB of heap,
// which a server that nobody signs up on should not carry.
let estimator: Promise<ZxcvbnFactory> | null = null;
const strength = () =>
  (estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  ));

/** Starts loading the dictionaries now, for a command that will check a password after other slow work. */
export const warmPasswordCheck = () => void strength();

/**
 * At least 12 characters and not common nor close to it (zxcvbn's dictionaries of leaked
 * passwords, words, names, keyboard patterns), nor built from the person's own email or workspace
 * name. For setup, `overture init`, new members and password changes.
 */
export async function assertPasswordAcceptable(password: string, personal: string[] = []) {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AppError("validation", `password: must be at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: "password",
    });
  const r = (await strength()).check(password.slice(0, 256), personal.filter(Boolean));
  if (r.score < MIN_SCORE)
    throw new AppError(
      "validation",
      `password: too easy to guess${r.feedback.warning ? ` (${r.feedback.warning.replace(/\.$/, "")})` : ""}; add more unrelated words`,
      { field: "password" },
    );
}

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
export const verifyPassword = (hash: string, password: string) =>
  argon2.verify(hash, password).catch(() => false);
