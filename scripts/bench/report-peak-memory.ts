// Loaded with `--import` into the measured process: prints its peak resident memory as it exits.
process.on("exit", () => {
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
