// Preloaded into a benchmarked Node process (node --require): writes the
// process's peak resident set size in bytes to $BENCH_RSS_FILE when it exits.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
