/**
 * @module cli/output/write
 * Writing results: JSON for machines, tables for people.
 */
export function writeJson(value: unknown, stdout: NodeJS.WritableStream = process.stdout): void {
  stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function writeLine(text: string, stdout: NodeJS.WritableStream = process.stdout): void {
  stdout.write(`${text}\n`);
}
