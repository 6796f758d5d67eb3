import type { WriterChannel } from "../compose";

/** What each channel accepts. LinkedIn counts characters as people see them (code points). */
export const CHANNEL_LIMITS: Record<WriterChannel, { subject: number; body: number }> = {
  email: { subject: 120, body: 5000 },
  linkedin_invite: { subject: 0, body: 300 },
  linkedin_message: { subject: 0, body: 1900 },
};

export const codePoints = (s: string) => [...s].length;
