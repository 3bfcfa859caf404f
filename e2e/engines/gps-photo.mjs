// A phone photo as it leaves the camera: the pixels of a fixture with an EXIF block holding its
// orientation, the camera ("SecretCam") and a GPS position, so a journey can check that the app
// turns it upright and stores none of it. Written by hand (a little-endian TIFF in an APP1
// segment) so no image tool is needed.

import { readFileSync } from "node:fs";

const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;

/** One IFD's bytes: entries `[tag, type, count, value bytes]`, values over 4 bytes placed after
 * the directory at `offset` (the IFD's position in the TIFF), then `next` (the next IFD). */
function ifd(entries, offset) {
  const dataStart = offset + 2 + entries.length * 12 + 4;
  const head = Buffer.alloc(2 + entries.length * 12 + 4);
  const data = [];
  let dataLength = 0;
  head.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 2 + i * 12;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(type, at + 2);
    head.writeUInt32LE(count, at + 4);
    if (value.length <= 4) value.copy(head, at + 8);
    else {
      head.writeUInt32LE(dataStart + dataLength, at + 8);
      data.push(value);
      dataLength += value.length + (value.length % 2);
      if (value.length % 2) data.push(Buffer.alloc(1));
    }
  });
  return Buffer.concat([head, ...data]);
}

const short = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt16LE(n, 0);
  return b;
};
const long = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
};
const ascii = (text) => Buffer.from(`${text}\0`, "latin1");
const rationals = (pairs) => {
  const b = Buffer.alloc(pairs.length * 8);
  pairs.forEach(([n, d], i) => {
    b.writeUInt32LE(n, i * 8);
    b.writeUInt32LE(d, i * 8 + 4);
  });
  return b;
};

/** The EXIF APP1 segment: IFD0 (make, model, orientation, GPS pointer) and the GPS IFD. */
function exifSegment(orientation) {
  const make = ascii("SecretCam");
  const model = ascii("Model X9");
  // IFD0 starts at 8; its size is fixed by its entries, so the GPS IFD's offset is known first.
  const ifd0Entries = (gpsOffset) => [
    [0x010f, ASCII, make.length, make],
    [0x0110, ASCII, model.length, model],
    [0x0112, SHORT, 1, short(orientation)],
    [0x8825, LONG, 1, long(gpsOffset)],
  ];
  const ifd0Length = ifd(ifd0Entries(0), 8).length;
  const gpsOffset = 8 + ifd0Length;
  const gps = ifd(
    [
      [0x0001, ASCII, 2, ascii("N")],
      [0x0002, RATIONAL, 3, rationals([[51, 1], [30, 1], [2647, 100]])],
      [0x0003, ASCII, 2, ascii("W")],
      [0x0004, RATIONAL, 3, rationals([[0, 1], [7, 1], [3956, 100]])],
    ],
    gpsOffset,
  );
  const tiff = Buffer.concat([
    Buffer.from("II*\0", "latin1"),
    long(8),
    ifd(ifd0Entries(gpsOffset), 8),
    gps,
  ]);
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

/** `jpegPath`'s image data with its APPn segments replaced by one EXIF block with GPS. The
 * orientation is read from the original, so the pixels keep meaning the same picture. */
export function photoWithGps(jpegPath, orientation = 6) {
  const jpeg = readFileSync(jpegPath);
  let at = 2;
  // Skip SOI and every APPn segment (0xFFE0-0xFFEF) that follows it.
  while (jpeg[at] === 0xff && jpeg[at + 1] >= 0xe0 && jpeg[at + 1] <= 0xef) at += 2 + jpeg.readUInt16BE(at + 2);
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(orientation), jpeg.subarray(at)]);
}
