import { type ChildProcess, spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./serverProcess";

export const dovecotPath = ["/usr/sbin/dovecot"].find((p) => existsSync(p));

function uidOf(user: string): number | null {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${user}:`));
  return line ? Number(line.split(":")[2]) : null;
}

/**
 * A real IMAP server on a loopback port with a config of the test's own (Debian's dovecot-imapd),
 * any user name accepted with `password`. As root (CI) it drops to Debian's dovecot users.
 */
export async function startDovecot(password = "secret") {
  const dir = mkdtempSync(path.join(tmpdir(), "overture-dovecot-"));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const mailUser = root ? "dovecot" : (process.env.USER ?? "nobody");
  for (const d of ["run", "state", "mail"]) mkdirSync(path.join(dir, d), { recursive: true });
  if (root) {
    // The mail processes run as Debian's dovecot user: it must reach and own the mail directory.
    const uid = uidOf("dovecot")!;
    chmodSync(dir, 0o755);
    chownSync(path.join(dir, "mail"), uid, uid);
  }
  writeFileSync(
    path.join(dir, "dovecot.conf"),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
protocols = imap
first_valid_uid = 1
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = ${dir}/dovecot.log
mail_location = maildir:${dir}/mail/%u
${root ? "default_internal_user = dovecot\ndefault_internal_group = dovecot\ndefault_login_user = dovenull" : `default_internal_user = ${mailUser}\ndefault_login_user = ${mailUser}`}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
passdb {
  driver = static
  args = password=${password}
}
userdb {
  driver = static
  args = uid=${mailUser} gid=${mailUser} home=${dir}/mail/%u
}
`,
  );
  const child: ChildProcess = spawn(dovecotPath!, ["-F", "-c", path.join(dir, "dovecot.conf")], {
    stdio: "ignore",
  });
  const t0 = Date.now();
  for (;;) {
    const up = await new Promise<boolean>((r) => {
      const s = connect(port, "127.0.0.1", () => {
        s.end();
        r(true);
      });
      s.on("error", () => r(false));
    });
    if (up) break;
    if (Date.now() - t0 > 10_000)
      throw new Error(
        `dovecot did not start: ${existsSync(`${dir}/dovecot.log`) ? readFileSync(`${dir}/dovecot.log`, "utf8") : "no log"}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    password,
    stop: () =>
      new Promise<void>((r) => {
        child.once("exit", () => r());
        child.kill("SIGTERM");
      }),
  };
}

/** Puts a message in a user's INBOX over IMAP APPEND, as a mail server delivering it would. */
export async function appendToInbox(port: number, user: string, password: string, raw: string) {
  const { ImapFlow } = await import("imapflow");
  const c = new ImapFlow({
    host: "127.0.0.1",
    port,
    secure: false,
    auth: { user, pass: password },
    logger: false,
  });
  await c.connect();
  await c.append("INBOX", raw.replace(/\r?\n/g, "\r\n"));
  await c.logout();
}
