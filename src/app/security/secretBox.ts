import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/**
 * Encrypts secrets at rest (AES-256-GCM, random 96-bit nonce) and signs links (HMAC-SHA256).
 * Separate keys are derived from the one configured SECRET_KEY so a signature never doubles as a key.
 */
export type SecretBox = {
  encrypt(plain: string): string;
  decrypt(box: string): string;
  sign(data: string): string;
  verify(data: string, signature: string): boolean;
};

export function createSecretBox(secretKey: string): SecretBox {
  const encKey = createHash("sha256").update(`overture:enc:${secretKey}`).digest();
  const macKey = createHash("sha256").update(`overture:mac:${secretKey}`).digest();
  const sign = (data: string) => createHmac("sha256", macKey).update(data).digest("base64url");
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv("aes-256-gcm", encKey, iv);
      const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
      return `v1.${iv.toString("base64url")}.${c.getAuthTag().toString("base64url")}.${body.toString("base64url")}`;
    },
    decrypt(box) {
      const [v, iv, tag, body] = box.split(".");
      if (v !== "v1" || !iv || !tag || body === undefined) throw new Error("not an encrypted secret");
      const d = createDecipheriv("aes-256-gcm", encKey, Buffer.from(iv, "base64url"));
      d.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([d.update(Buffer.from(body, "base64url")), d.final()]).toString("utf8");
    },
    sign,
    verify(data, signature) {
      const a = Buffer.from(sign(data));
      const b = Buffer.from(signature);
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}
