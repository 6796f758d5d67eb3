import { createHash, randomBytes } from "node:crypto";

export const newToken = (prefix: string, bytes = 32) =>
  `${prefix}_${randomBytes(bytes).toString("base64url")}`;
export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
