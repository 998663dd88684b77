/**
 * The zip an instructor hands out: `<client_id>/` with the course's three files.
 * yazl: small (one dependency), streaming, and it stores each entry's Unix mode, so
 * the key and password unzip as 0600. The zip itself holds secrets: 0600 too.
 */
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { FOLDER_FILES } from './folder.js';

/**
 * Zips `<outDir>/<clientId>/` into `<outDir>/<clientId>.zip` (written aside, then renamed).
 *
 * @example
 *   await zipStudentFolder('class', 'client45'); // 'class/client45.zip'
 */
export async function zipStudentFolder(outDir: string, clientId: string): Promise<string> {
  const target = join(outDir, `${clientId}.zip`);
  const partial = `${target}.partial`;
  const zip = new ZipFile();
  zip.addEmptyDirectory(`${clientId}/`, { mode: 0o40700 });
  zip.addFile(join(outDir, clientId, FOLDER_FILES.ca), `${clientId}/${FOLDER_FILES.ca}`, { mode: 0o100644 });
  zip.addFile(join(outDir, clientId, FOLDER_FILES.keystore), `${clientId}/${FOLDER_FILES.keystore}`, { mode: 0o100600 });
  zip.addFile(join(outDir, clientId, FOLDER_FILES.password), `${clientId}/${FOLDER_FILES.password}`, { mode: 0o100600 });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const stream = createWriteStream(partial, { mode: 0o600 });
    stream.on('close', resolve).on('error', reject);
    zip.outputStream.on('error', reject).pipe(stream);
  });
  await rename(partial, target);
  return target;
}
