// DuckDB beside qgov (bench/records_run.sh): the same question, CSV file → pass rates by programme, level, region and
// quarter, asked of DuckDB's read_csv with the column types given (no sniffing), on the same number of threads.
//   usage: [QUERIES=rates,wilson,distinct] node records_duckdb.mjs FILE [REPS (default 5)] [THREADS (default 2)]
// Prints `name seconds` lines (median of REPS, after one untimed warm-up) and the group count.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, repsArg, threadsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 5), threads = String(threadsArg ?? 2);
const inst = await DuckDBInstance.create(':memory:', { threads });
const con = await inst.connect();
const source = `read_csv('${file.replaceAll("'", "''")}', header = true, auto_detect = false, delim = ',', quote = '"',
  escape = '"', columns = {'record_id': 'VARCHAR', 'programme': 'VARCHAR', 'level': 'VARCHAR', 'sampled_on': 'DATE',
  'region': 'VARCHAR', 'category': 'VARCHAR', 'enterprise_id': 'VARCHAR', 'outcome': 'VARCHAR', 'ordered_on': 'DATE',
  'rectified_on': 'DATE', 'reinspected_on': 'DATE', 'reinspection_outcome': 'VARCHAR'})`;
const rates = `SELECT programme, level, region, year(sampled_on) * 10 + quarter(sampled_on) AS q, count(*) AS sampled,
  sum(CASE WHEN outcome = 'pass' THEN 1 ELSE 0 END) AS passed FROM ${source} GROUP BY ALL`;
// what qgov also does: every id checked for repeats (here: as a count of distinct ids), the Wilson interval per group
const wilson = `SELECT *, passed / sampled AS rate,
  (passed / sampled + 1.959963984540054 ^ 2 / (2 * sampled) - 1.959963984540054 * sqrt(passed / sampled * (1 - passed / sampled) / sampled
   + 1.959963984540054 ^ 2 / (4 * sampled * sampled))) / (1 + 1.959963984540054 ^ 2 / sampled) AS low FROM (${rates})`;
const distinct = `SELECT count(*) AS n, count(DISTINCT record_id) AS ids FROM ${source}`;
const all = { duckdb_rates_s: rates, duckdb_rates_wilson_s: wilson, duckdb_distinct_ids_s: distinct };
// QUERIES=rates,wilson,distinct (the default: all three) picks some
const wanted = (process.env.QUERIES ?? 'rates,wilson,distinct').split(',').map((q) => `duckdb_${q === 'wilson' ? 'rates_wilson' : q === 'distinct' ? 'distinct_ids' : q}_s`);
const queries = Object.fromEntries(Object.entries(all).filter(([k]) => wanted.includes(k)));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [name, sql] of Object.entries(queries)) {
  let rows = 0;
  const times = [];
  for (let i = 0; i <= reps; ++i) {
    const t0 = performance.now();
    const r = await con.runAndReadAll(sql);
    const s = (performance.now() - t0) / 1000;
    rows = r.getRows().length;
    if (i > 0) times.push(s);  // the first run warms up
  }
  console.log(`${name} ${median(times).toFixed(4)}`);
  console.log(`${name.replace(/_s$/, '')}_all ${times.map((t) => t.toFixed(3)).join(',')}`);
  if (name === 'duckdb_rates_s') console.log(`duckdb_groups ${rows}`);
}
const v = await con.runAndReadAll('SELECT version()');
console.log(`duckdb_version ${v.getRows()[0][0]}`);
