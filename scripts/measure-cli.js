// Runs the built CLI in this process and reports its peak resident memory on standard error,
// so that the benchmark can measure the CLI end to end without external tools.
// Usage: node scripts/measure-cli.js spc FILE [flags...]
const args = process.argv.slice(2);
process.argv = [process.argv[0], 'groundswell', ...args];
process.on('exit', () => {
  process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
await import('../packages/cli/dist/bin.js');
