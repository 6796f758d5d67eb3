/** Every place that shows sandbox people or offers the sandbox says plainly that they are made up. */
export function SandboxLabel() {
  return <span className="badge sandbox-label">Sandbox directory — generated people, not real</span>;
}
