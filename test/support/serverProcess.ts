import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Runs the real `overture` binary as a user would, and waits for the URL it prints (a worker, which
 * serves nothing, for its start line: its `url` is then empty).
 */
export async function startOverture(args: string[], env: Record<string, string>) {
  const ready = args[0] === "worker" ? /Overture worker \S+ started()/ : /running[^:]*: (http:\/\/\S+)/;
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "bin/overture.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout!.on("data", () => {
      const m = out.match(ready);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(t);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    output: () => out,
    /** SIGTERM and the exit code; a process that is already gone answers at once, one that hangs is killed after 15 s. */
    stop: () =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        const force = setTimeout(() => {
          console.error(`server did not stop within 15 s; output:\n${out}`);
          child.kill("SIGKILL");
        }, 15_000);
        child.once("exit", (code) => {
          clearTimeout(force);
          resolve(code);
        });
        child.kill("SIGTERM");
      }),
  };
}

export async function runOverture(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "bin/overture.mjs"), ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => ((out += d), (stdout += d)));
    child.stderr.on("data", (d) => ((out += d), (stderr += d)));
    child.on("exit", (code) => resolve({ code, out, stdout, stderr }));
  });
}
