/** A one-line progress bar for terminals; redrawn in place, at most ten times a second. */
export function progressBar(out: NodeJS.WriteStream) {
  let last = 0;
  const draw = (fraction: number, label: string) => {
    const width = 30;
    const f = Math.max(0, Math.min(1, fraction));
    const filled = Math.round(f * width);
    out.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}% ${label}   `,
    );
  };
  return {
    update(fraction: number, label: string) {
      const now = Date.now();
      if (now - last < 100 && fraction < 1) return;
      last = now;
      draw(fraction, label);
    },
    done() {
      draw(1, "done");
      out.write("\n");
    },
  };
}
