// Reference throughput and verdicts of @secvisogram/csaf-validator-lib: schema + mandatory tests.
// usage: node bench.mjs DIR [copies] [--verdicts]
import fs from 'node:fs'
import path from 'node:path'
import validate from '@secvisogram/csaf-validator-lib/validate.js'
import * as schemaTests from '@secvisogram/csaf-validator-lib/schemaTests.js'
import * as mandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js'

const dir = process.argv[2]
const copies = Number(process.argv[3] ?? 1)
const verdicts = process.argv.includes('--verdicts')
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
const start = process.hrtime.bigint()
let valid = 0
for (let c = 0; c < copies; c++) {
  for (let i = 0; i < texts.length; i++) {
    let doc
    try {
      doc = JSON.parse(texts[i])
    } catch {
      if (verdicts && c === 0) console.log(JSON.stringify({ file: path.relative(dir, files[i]), valid: false, failed: ['json'] }))
      continue
    }
    const r = await validate(tests, doc)
    if (r.isValid) valid++
    if (verdicts && c === 0) {
      console.log(JSON.stringify({ file: path.relative(dir, files[i]), valid: r.isValid, failed: r.tests.filter((t) => !t.isValid).map((t) => t.name) }))
    }
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9
console.error(`files=${texts.length} copies=${copies} valid=${valid} seconds=${seconds.toFixed(3)} docs_per_sec=${((texts.length * copies) / seconds).toFixed(1)}`)
