import type { Command } from "commander";

export function initCommand(program: Command) {
  program
    .command("init")
    .description("create a workspace and its owner (first run, or another workspace later)")
    .requiredOption("--workspace <name>", "workspace name")
    .requiredOption("--email <email>", "owner's email")
    .requiredOption("--password <password>", "owner's password (at least 12 characters, not a common one)")
    .option("--timezone <zone>", "workspace timezone (IANA, e.g. Europe/Berlin)", "UTC")
    .option("--json", "print a JSON object (with an apiKey) for scripts")
    .action(
      async (o: { workspace: string; email: string; password: string; timezone: string; json?: boolean }) => {
        const [{ boot }, { setupWorkspace }, { warmPasswordCheck }] = await Promise.all([
          import("../app/boot"),
          import("../app/auth/setupWorkspace"),
          import("../app/auth/passwords"),
        ]);
        // The password dictionaries load while the database opens (its file reads leave gaps).
        warmPasswordCheck();
        const ctx = await boot({ logToStderr: true });
        try {
          const r = await setupWorkspace(
            ctx,
            { workspaceName: o.workspace, email: o.email, password: o.password, timezone: o.timezone },
            { firstRunOnly: false, withApiKey: true },
          );
          const out = {
            workspaceId: r.workspace.id,
            workspaceName: r.workspace.name,
            userId: r.user.id,
            email: r.user.email,
            apiKey: r.apiKey!.key,
          };
          if (o.json) console.log(JSON.stringify(out));
          else
            console.log(
              `Created workspace "${out.workspaceName}" (${out.workspaceId}) owned by ${out.email}.\nAPI key (shown once): ${out.apiKey}`,
            );
        } finally {
          await ctx.shutdown();
        }
      },
    );
}
