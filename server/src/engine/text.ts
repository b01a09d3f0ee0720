import { isAscii } from 'node:buffer';
import type { Position, Range } from './types';

/** What a file's bytes turned out to be, decoded once so every rule sees the same text. */
export interface DecodedText {
  text: string;
  hadBom: boolean;
  /** Bytes that are not valid UTF-8 were replaced with U+FFFD. */
  invalidUtf8: boolean;
  /** A NUL byte in the first 8 KiB: treated as binary, never parsed. */
  binary: boolean;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const binary = bytes.subarray(0, 8192).includes(0);
  // Most files are plain ASCII: one vectorised check, then a byte-for-byte copy
  // (ASCII reads the same as Latin-1), about three times faster than decoding UTF-8.
  if (isAscii(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), hadBom: false, invalidUtf8: false, binary };
  let text: string;
  let invalidUtf8 = false;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    invalidUtf8 = true;
    text = lenientDecoder.decode(bytes);
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  return { text: hadBom ? text.slice(1) : text, hadBom, invalidUtf8, binary };
}

/** Strips a leading BOM from text that did not come through decodeBytes (e.g. an editor buffer). */
export function stripBom(text: string): string {
  // An empty text has no character 0: reading it would drop the caller's optimized code (V8).
  return text.length > 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Maps offsets to positions. Line breaks are \n, \r\n and lone \r, the same
 * set LSP and VS Code use, so a CRLF file's positions match the editor's.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    // Most files break lines with \n alone: a native search from break to break takes half the time of reading every character.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and the \n of a CRLF (yaml points its errors at the \n)
    // is no position of the line: it is its end, not one character past it.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  lineRange(line: number): Range {
    return this.rangeOf(this.starts[line], this.lineEnd(line));
  }

  /** The line break the file mostly uses, for text a fix inserts. */
  get eol(): string {
    return this.text.includes('\r\n') ? '\r\n' : '\n';
  }
}

/** Case- and accent-insensitive form of Spanish vocabulary: "Descripción" -> "descripcion". */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}
