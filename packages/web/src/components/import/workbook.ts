/**
 * @module components/import/workbook
 * The worksheet names of an .xlsx workbook, read in the browser before uploading it so that the
 * person can choose the sheet to import. An .xlsx file is a zip archive: this reads only its
 * central directory and `xl/workbook.xml` (inflated with the browser's DecompressionStream), never
 * the whole file.
 */

/** One worksheet: its name, and whether Excel hides it. */
export interface Sheet {
  readonly name: string;
  readonly hidden: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function bytes(file: Blob, start: number, end: number): Promise<DataView> {
  return new DataView(await file.slice(start, end).arrayBuffer());
}

async function inflate(data: ArrayBuffer): Promise<string> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** The bytes of one member of the archive, as text (null when it is not there). */
async function member(file: Blob, wanted: string): Promise<string | null> {
  const tailStart = Math.max(0, file.size - 65_557);
  const tail = await bytes(file, tailStart, file.size);
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = tail.getUint16(eocd + 10, true);
  const size = tail.getUint32(eocd + 12, true);
  const offset = tail.getUint32(eocd + 16, true);
  const directory = await bytes(file, offset, offset + size);
  const decoder = new TextDecoder();
  let at = 0;
  for (let n = 0; n < entries && at + 46 <= directory.byteLength; n++) {
    if (directory.getUint32(at, true) !== CENTRAL) return null;
    const method = directory.getUint16(at + 10, true);
    const compressed = directory.getUint32(at + 20, true);
    const nameLength = directory.getUint16(at + 28, true);
    const extraLength = directory.getUint16(at + 30, true);
    const commentLength = directory.getUint16(at + 32, true);
    const local = directory.getUint32(at + 42, true);
    const name = decoder.decode(new Uint8Array(directory.buffer, directory.byteOffset + at + 46, nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (name !== wanted) continue;
    const header = await bytes(file, local, local + 30);
    if (header.getUint32(0, true) !== LOCAL) return null;
    const start = local + 30 + header.getUint16(26, true) + header.getUint16(28, true);
    const raw = await file.slice(start, start + compressed).arrayBuffer();
    if (method === 0) return decoder.decode(raw);
    if (method === 8) return inflate(raw);
    return null;
  }
  return null;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

/** The sheets named in a workbook.xml, in the workbook's order. */
export function sheetsOfWorkbookXml(xml: string): Sheet[] {
  const sheets: Sheet[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const attributes = match[1] ?? '';
    const name = /\bname="([^"]*)"/.exec(attributes)?.[1];
    if (name === undefined) continue;
    const state = /\bstate="([^"]*)"/.exec(attributes)?.[1];
    sheets.push({ name: unescapeXml(name), hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return sheets;
}

/** The worksheets of an .xlsx file; empty when it cannot be read (the server will say why). */
export async function workbookSheets(file: Blob): Promise<Sheet[]> {
  try {
    const xml = await member(file, 'xl/workbook.xml');
    return xml === null ? [] : sheetsOfWorkbookXml(xml);
  } catch {
    return [];
  }
}
