/**
 * @module surveys/qr
 * A survey link as a QR code: an SVG string (pure). The modules come from `qrcode-generator`
 * (MIT, no dependencies, no install scripts, its own types); the SVG is drawn here so that it is
 * compact (one path, a run of dark modules per segment), scales cleanly for printing, and names
 * what it is for screen readers.
 */
import qrcode from 'qrcode-generator';

/** The quiet zone around the code, in modules (the standard asks for 4). */
const QUIET_ZONE = 4;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The QR code of `url` (error correction M: about 15% of the code may be damaged), black on white,
 * with `label` as its accessible name.
 */
export function qrSvg(url: string, label: string): string {
  const code = qrcode(0, 'M');
  code.addData(url, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const size = count + 2 * QUIET_ZONE;
  const runs: string[] = [];
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!code.isDark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && code.isDark(row, col)) col += 1;
      runs.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  const name = escapeXml(label);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${name}" shape-rendering="crispEdges">` +
    `<title>${name}</title><rect width="${size}" height="${size}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join('')}"/></svg>`
  );
}
