import { invalid } from './errors.js';

/**
 * The envelope every import file shares: a JSON object naming its format (`"format": "tongban.<kind>/<version>"`).
 * Returns the parsed object; a file that is not JSON or names another format is refused with a stable code.
 */
export function parseImportFile(text: string, format: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw invalid('import.malformed_json', `The file is not valid JSON: ${(err as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || (doc as { format?: unknown }).format !== format) {
    throw invalid('import.wrong_format', `The file must be a JSON object with "format": "${format}".`);
  }
  return doc as Record<string, unknown>;
}
