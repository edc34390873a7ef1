// Validates JSON files against a JSON Schema with ajv (draft 2020-12, formats on), for the Java tests.
// usage: node ajv-validate.js NODE_MODULES SCHEMA FILE...   prints one JSON line per file: {file, valid, errors}
const path = require('path');
const fs = require('fs');
const [modules, schemaFile, ...files] = process.argv.slice(2);
const Ajv2020 = require(path.join(modules, 'ajv', 'dist', '2020')).default;
const addFormats = require(path.join(modules, 'ajv-formats'));
// AJV_STRICT=1: ajv's strict mode (unknown keywords, types, required properties), vipctl's
// annotation keyword declared; the schema itself must then be free of everything strict mode refuses.
const strict = process.env.AJV_STRICT === '1';
const ajv = new Ajv2020({ allErrors: true, strict });
addFormats(ajv);
if (strict) {
  ajv.addKeyword('x-vipctl-rule');
}
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
for (const file of files) {
  const valid = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
  const errors = valid ? [] : validate.errors.map(e => `${e.instancePath || '/'} ${e.message} (${e.schemaPath})`);
  console.log(JSON.stringify({ file, valid, errors }));
}
