// `npm run build`'s last step: dist/vsee-clinic-wordpress.zip, the installable WordPress plugin.
// The zip holds integrations/wordpress/vsee-clinic/ plus the built dist/cdn/ folder as its cdn/,
// so the plugin serves the elements itself (no third-party CDN). The whole folder ships: today's
// single bundle and a loader that imports sibling files both work.
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const PLUGIN = 'integrations/wordpress/vsee-clinic';
const CDN = 'dist/cdn';
const OUT = 'dist/vsee-clinic-wordpress.zip';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A plain zip (deflate, no zip64): what WordPress's uploader and PclZip read. */
export function zip(entries) {
  const local = [];
  const central = [];
  let offset = 0;
  // A fixed date keeps the zip the same for the same files (1 Jan 2026, DOS format).
  const time = 0;
  const date = ((2026 - 1980) << 9) | (1 << 5) | 1;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8);
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(date, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBuf.length, 26);
    local.push(head, nameBuf, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(0x031e, 4); // made by Unix, so permissions below are read
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(time, 12);
    dir.writeUInt16LE(date, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBuf.length, 28);
    dir.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBuf);
    offset += head.length + nameBuf.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

const posix = (p) => p.split(sep).join('/');

export function buildWordPressZip() {
  if (!existsSync(join(CDN, 'vsee-clinic-elements.js'))) {
    throw new Error(`${CDN}/vsee-clinic-elements.js is missing: run the build first.`);
  }
  const entries = [
    ...files(PLUGIN).map((f) => ({ name: `vsee-clinic/${posix(relative(PLUGIN, f))}`, data: readFileSync(f) })),
    // Source maps stay out: they are for debugging the library, not for a clinic's site.
    ...files(CDN)
      .filter((f) => !f.endsWith('.map'))
      .map((f) => ({ name: `vsee-clinic/cdn/${posix(relative(CDN, f))}`, data: readFileSync(f) })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(OUT, zip(entries));
  return { file: OUT, entries: entries.length, bytes: statSync(OUT).size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { file, entries, bytes } = buildWordPressZip();
  console.log(`${file}: ${entries} files, ${(bytes / 1024).toFixed(1)} KB`);
}
