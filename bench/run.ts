// `npm run bench -- <name> [options]`: runs one benchmark, each printing its figure beside a baseline
// measured in the same process, and the ratio.
const benches: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  import: () => import('./import.bench.js'),
  embedded: () => import('./embedded.bench.js'),
  org: () => import('./org.bench.js'),
  audiences: () => import('./audiences.bench.js'),
  experts: () => import('./experts.bench.js'),
  'experts-quality': () => import('./experts-quality.bench.js'),
  'experts-study': () => import('./experts-study.bench.js'),
  fanout: () => import('./fanout.bench.js'),
  smtp: () => import('./smtp.bench.js'),
  tracking: () => import('./tracking.bench.js'),
  report: () => import('./report.bench.js'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? benches[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(1);
}
await (await load()).run(args);
