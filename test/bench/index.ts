// `npm run bench`: scale and throughput benchmarks. Each suite prints its figures next to a baseline
// measured in the same run.
console.log('Berth benchmarks: no suites registered yet.');
