// Steady-state throughput of @secvisogram/csaf-validator-lib (JSON.parse + schema + mandatory tests),
// single-threaded, in-process: warm-up passes first (a given CPU time), then timed passes. Reports wall-clock
// docs/s and docs per CPU-second (process.cpuUsage, all threads incl. GC) so that load from other processes distorts less.
// usage: node bench-steady.mjs DIR [seconds]
import fs from 'node:fs'
import path from 'node:path'
import validate from '@secvisogram/csaf-validator-lib/validate.js'
import * as schemaTests from '@secvisogram/csaf-validator-lib/schemaTests.js'
import * as mandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js'

const dir = process.argv[2]
const seconds = Number(process.argv[3] ?? 10)
const files = []
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name)
    if (e.isDirectory()) walk(p)
    else if (e.name.endsWith('.json')) files.push(p)
  }
}
walk(dir)
files.sort()
const texts = files.map((f) => fs.readFileSync(f, 'utf8'))
const tests = [schemaTests.csaf_2_0, ...Object.values(mandatoryTests)]
async function run(limitSeconds) {
  let n = 0
  const start = process.hrtime.bigint()
  const cpu0 = process.cpuUsage()
  const deadline = start + BigInt(Math.round(limitSeconds * 1e9))
  while (process.hrtime.bigint() < deadline) {
    for (const t of texts) {
      await validate(tests, JSON.parse(t))
      n++
    }
  }
  const wall = Number(process.hrtime.bigint() - start) / 1e9
  const c = process.cpuUsage(cpu0)
  const cpu = (c.user + c.system) / 1e6
  return { n, wall, cpu }
}
// Warm-up, as long as koban-csaf's and like it counted in CPU time: on a loaded machine a wall-clock warm-up gives
// the JIT only a fraction of the work it needs.
{
  const cpu0 = process.cpuUsage()
  const used = () => { const c = process.cpuUsage(cpu0); return (c.user + c.system) / 1e6 }
  while (used() < Math.max(3, seconds)) {
    for (const t of texts) await validate(tests, JSON.parse(t))
  }
}
const r = await run(seconds)
console.log(`reference docs=${texts.length} passes_docs=${r.n} wall_s=${r.wall.toFixed(2)} cpu_s=${r.cpu.toFixed(2)} docs_per_sec=${(r.n / r.wall).toFixed(1)} docs_per_cpu_sec=${(r.n / r.cpu).toFixed(1)} rss_mb=${(process.memoryUsage().rss / 1048576).toFixed(1)}`)
