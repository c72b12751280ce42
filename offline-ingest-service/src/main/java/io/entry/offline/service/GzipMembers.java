package io.entry.offline.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Strict gzip (RFC 1952) inflation. {@link java.util.zip.GZIPInputStream} silently ignores bytes after the last
 * member that do not form another member, so junk appended to an upload would pass unnoticed; here every byte of
 * the body must belong to a member (several concatenated members are legal gzip and are accepted), each member's
 * CRC-32 and length are checked, and the output is bounded by a ceiling checked on every chunk.
 */
final class GzipMembers {

    /** The body is not (only) gzip: truncated, corrupt, or followed by bytes that are no gzip member. */
    static final class MalformedGzip extends Exception {
        MalformedGzip(String message) {
            super(message);
        }
    }

    /** Inflating would produce more than the ceiling. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    static final String NOT_GZIP = "not gzip";
    private static final int FTEXT_MASK = 0xE0; // reserved flag bits must be zero
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;

    private GzipMembers(InputStream in, int chunk) {
        this.in = in;
        this.buffer = new byte[chunk];
    }

    static byte[] inflate(InputStream in, int chunk, int ceiling) throws IOException, MalformedGzip, TooLarge {
        return new GzipMembers(in, chunk).inflateAll(chunk, ceiling);
    }

    private byte[] inflateAll(int chunk, int ceiling) throws IOException, MalformedGzip, TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunk);
        byte[] piece = new byte[chunk];
        Inflater inflater = new Inflater(true);
        try {
            boolean first = true;
            while (true) {
                int id1 = read();
                if (id1 == -1) {
                    if (first) {
                        throw new MalformedGzip(NOT_GZIP);
                    }
                    return out.toByteArray();
                }
                if (id1 != 0x1f || read() != 0x8b) {
                    throw new MalformedGzip(first ? NOT_GZIP : "data after the end of the gzip stream");
                }
                first = false;
                readHeaderRest();
                inflater.reset();
                CRC32 crc = new CRC32();
                long memberSize = 0;
                while (!inflater.finished()) {
                    if (inflater.needsInput()) {
                        if (position == limit && !fill()) {
                            throw new MalformedGzip("truncated gzip member");
                        }
                        inflater.setInput(buffer, position, limit - position);
                        position = limit;
                    }
                    int produced;
                    try {
                        produced = inflater.inflate(piece);
                    } catch (DataFormatException e) {
                        throw new MalformedGzip("corrupt deflate data");
                    }
                    if (produced == 0 && inflater.needsDictionary()) {
                        throw new MalformedGzip("corrupt deflate data");
                    }
                    if (out.size() + produced > ceiling) {
                        throw new TooLarge();
                    }
                    out.write(piece, 0, produced);
                    crc.update(piece, 0, produced);
                    memberSize += produced;
                }
                position = limit - inflater.getRemaining();
                long expectedCrc = readLittleEndianInt();
                long expectedSize = readLittleEndianInt();
                if (expectedCrc != crc.getValue() || expectedSize != (memberSize & 0xFFFFFFFFL)) {
                    throw new MalformedGzip("gzip checksum mismatch");
                }
            }
        } finally {
            inflater.end();
        }
    }

    private void readHeaderRest() throws IOException, MalformedGzip {
        if (readRequired() != 8) {
            throw new MalformedGzip("unsupported gzip compression method");
        }
        int flags = readRequired();
        if ((flags & FTEXT_MASK) != 0) {
            throw new MalformedGzip("reserved gzip flags set");
        }
        for (int i = 0; i < 6; i++) { // MTIME, XFL, OS
            readRequired();
        }
        if ((flags & FEXTRA) != 0) {
            int length = readRequired() | readRequired() << 8;
            for (int i = 0; i < length; i++) {
                readRequired();
            }
        }
        if ((flags & FNAME) != 0) {
            while (readRequired() != 0) {
                // skip the zero-terminated original file name
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (readRequired() != 0) {
                // skip the zero-terminated comment
            }
        }
        if ((flags & FHCRC) != 0) {
            readRequired();
            readRequired();
        }
    }

    private long readLittleEndianInt() throws IOException, MalformedGzip {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= ((long) readRequired()) << (8 * i);
        }
        return value;
    }

    private int readRequired() throws IOException, MalformedGzip {
        int value = read();
        if (value == -1) {
            throw new MalformedGzip("truncated gzip member");
        }
        return value;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
