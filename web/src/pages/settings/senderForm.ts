// The sender form's fields, filled from a stored sender for editing, and turned into the API's body.
export type Sender = {
  id: string;
  kind: string;
  name: string;
  fromEmail: string;
  fromName: string;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecure: boolean;
  smtpUser: string | null;
  imapHost: string | null;
  imapPort: number | null;
  imapSecure: boolean;
  imapUser: string | null;
  dailyCap: number;
  minGapSeconds: number;
  jitterSeconds: number;
  hasSmtpPassword: boolean;
  hasImapPassword: boolean;
};
export const blank = {
  kind: "sandbox",
  name: "",
  fromEmail: "",
  fromName: "",
  host: "",
  port: "587",
  secure: false,
  user: "",
  password: "",
  imapHost: "",
  imapPort: "993",
  imapSecure: true,
  imapUser: "",
  imapPassword: "",
  dailyCap: "50",
  minGapSeconds: "120",
  jitterSeconds: "180",
};

export const formOf = (s: Sender): typeof blank => ({
  kind: s.kind,
  name: s.name,
  fromEmail: s.fromEmail,
  fromName: s.fromName ?? "",
  host: s.smtpHost ?? "",
  port: String(s.smtpPort ?? 587),
  secure: s.smtpSecure,
  user: s.smtpUser ?? "",
  password: "",
  imapHost: s.imapHost ?? "",
  imapPort: String(s.imapPort ?? 993),
  imapSecure: s.imapSecure,
  imapUser: s.imapUser ?? "",
  imapPassword: "",
  dailyCap: String(s.dailyCap),
  minGapSeconds: String(s.minGapSeconds),
  jitterSeconds: String(s.jitterSeconds),
});

/** The create/update body: SMTP only for SMTP senders; an IMAP inbox cleared when its host is emptied. */
export function requestBodyOf(f: typeof blank, editing: Sender | null) {
  return {
    name: f.name,
    fromEmail: f.fromEmail,
    fromName: f.fromName,
    dailyCap: Number(f.dailyCap),
    minGapSeconds: Number(f.minGapSeconds),
    jitterSeconds: Number(f.jitterSeconds),
    smtp:
      f.kind === "smtp"
        ? {
            host: f.host,
            port: Number(f.port),
            secure: f.secure,
            user: f.user || undefined,
            // Left empty while editing: the stored password is kept.
            password: f.password || undefined,
          }
        : undefined,
    imap:
      f.kind === "smtp" && f.imapHost
        ? {
            host: f.imapHost,
            port: Number(f.imapPort),
            secure: f.imapSecure,
            user: f.imapUser || undefined,
            password: f.imapPassword || undefined,
          }
        : editing?.imapHost
          ? null
          : undefined,
  };
}
