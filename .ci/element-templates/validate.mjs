#!/usr/bin/env node
// Validates every .camunda/element-templates/*.json against Camunda's element-template JSON
// schema for Camunda 7 (@camunda/element-templates-json-schema, through @bpmn-io/element-templates-validator),
// and checks that template ids+versions are unique. Whether each template's delegate exists is checked by
// the Java test ElementTemplatesTest (it needs the application's beans).
//
//   npm ci --prefix .ci/element-templates && node .ci/element-templates/validate.mjs
import { validate } from '@bpmn-io/element-templates-validator';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = join(ROOT, '.camunda', 'element-templates');

let failures = 0;
const seen = new Map();
const files = (await readdir(DIR)).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`no templates in ${relative(ROOT, DIR)}`);
  process.exit(1);
}
for (const file of files) {
  const path = join(DIR, file);
  let templates;
  try {
    templates = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    console.error(`${file}: not JSON: ${err.message}`);
    failures++;
    continue;
  }
  for (const template of Array.isArray(templates) ? templates : [templates]) {
    const name = `${file} ${template.id ?? '(no id)'}`;
    const { valid, errors } = validate(template);
    if (!valid) {
      failures++;
      for (const e of errors) console.error(`${name}: ${e.instancePath || e.dataPath || ''} ${e.message}`);
      continue;
    }
    const key = `${template.id}@${template.version ?? '-'}`;
    if (seen.has(key)) {
      failures++;
      console.error(`${name}: id and version also used in ${seen.get(key)}`);
    }
    seen.set(key, file);
  }
}
if (failures) {
  console.error(`element templates: ${failures} problem(s)`);
  process.exit(1);
}
console.log(`element templates: ${seen.size} valid (${files.length} files)`);
