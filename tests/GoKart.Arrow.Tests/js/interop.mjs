// Reads an Arrow IPC file and prints its schema and rows as JSON, or writes a known table to a file.
// usage: node interop.mjs read <file> | node interop.mjs write <file>
import { readFileSync, writeFileSync } from 'node:fs';
import { tableFromIPC, tableToIPC, vectorFromArray, Table, Utf8, Int32, Float64, Bool, DateDay } from 'apache-arrow';

const [mode, file] = process.argv.slice(2);
if (mode === 'read') {
  const table = tableFromIPC(readFileSync(file));
  const fields = table.schema.fields.map(f => ({ name: f.name, type: String(f.type), nullable: f.nullable }));
  const rows = [];
  for (let i = 0; i < table.numRows; i++) {
    const row = {};
    for (const f of table.schema.fields) {
      const v = table.getChild(f.name).get(i);
      row[f.name] = typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString() : v;
    }
    rows.push(row);
  }
  process.stdout.write(JSON.stringify({ fields, batches: table.batches.length, rows }));
} else if (mode === 'write') {
  const table = new Table({
    id: vectorFromArray([1, 2, 3], new Int32()),
    score: vectorFromArray([1.5, null, -2.25], new Float64()),
    name: vectorFromArray(['a', null, 'ü ✓'], new Utf8()),
    flag: vectorFromArray([true, false, null], new Bool()),
    day: vectorFromArray([new Date(Date.UTC(2020, 0, 2)), new Date(Date.UTC(1969, 11, 31)), null], new DateDay()),
  });
  writeFileSync(file, tableToIPC(table, 'file'));
} else {
  process.stderr.write('usage: node interop.mjs read|write <file>\n');
  process.exit(2);
}
