/**
 * Progress on stderr for long imports: a bar redrawn in place on a terminal, and a plain
 * line every 10% otherwise, so CI logs and redirected output are not flooded with \r.
 */

/** Returns an onProgress callback writing to `stream`; `finish()` ends the bar's line. */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY);
  let lastDecile = -1;
  let drawn = false;
  return {
    update(done: number, total: number): void {
      if (total === 0) return;
      const share = done / total;
      if (tty) {
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total}`,
        );
        drawn = true;
        return;
      }
      const decile = Math.floor(share * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`${label}: ${done}/${total} (${(share * 100).toFixed(0)}%)\n`);
      }
    },
    finish(): void {
      if (drawn) stream.write('\n');
    },
  };
}
