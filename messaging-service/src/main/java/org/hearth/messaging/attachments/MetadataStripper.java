package org.hearth.messaging.attachments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Removes what a photo says beyond the picture, the GPS position of the patient's home above all. JPEG: drops the
 * APP1 (Exif, XMP) and comment segments. PNG: drops eXIf and text chunks. HEIC: empties the Exif GPS directory in
 * place (the file's structure stays valid). PDFs pass unchanged: they carry no camera position.
 */
public final class MetadataStripper {

    private MetadataStripper() {}

    public static byte[] strip(ContentType type, byte[] content) {
        return switch (type) {
            case JPEG -> jpeg(content);
            case PNG -> png(content);
            case HEIC -> heicGps(content.clone());
            case PDF -> content;
        };
    }

    static byte[] jpeg(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 2); // SOI
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) { // start of scan (or end): the rest is image data
                break;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            int end = Math.min(b.length, i + 2 + length);
            boolean metadata = marker == 0xE1 || marker == 0xFE;
            if (!metadata) {
                out.write(b, i, end - i);
            }
            i = end;
        }
        out.write(b, i, b.length - i);
        return out.toByteArray();
    }

    static byte[] png(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int i = 8;
        while (i + 12 <= b.length) {
            int length =
                    ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            String type = new String(b, i + 4, 4, StandardCharsets.US_ASCII);
            int end = (int) Math.min(b.length, (long) i + 12 + length);
            if (!type.equals("eXIf") && !type.equals("tEXt") && !type.equals("iTXt") && !type.equals("zTXt")) {
                out.write(b, i, end - i);
            }
            i = end;
        }
        out.write(b, i, b.length - i);
        return out.toByteArray();
    }

    /** Finds the Exif TIFF header, follows IFD0's GPSInfo pointer (tag 0x8825) and zeroes that directory. */
    static byte[] heicGps(byte[] b) {
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        for (int at = indexOf(b, exif, 0); at >= 0; at = indexOf(b, exif, at + 1)) {
            int tiff = at + exif.length;
            if (tiff + 8 > b.length) {
                break;
            }
            boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
            if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
                continue;
            }
            long ifd0 = tiff + u32(b, tiff + 4, little);
            if (ifd0 + 2 > b.length) {
                continue;
            }
            int entries = u16(b, (int) ifd0, little);
            for (int e = 0; e < entries; e++) {
                int entry = (int) ifd0 + 2 + e * 12;
                if (entry + 12 > b.length) {
                    break;
                }
                if (u16(b, entry, little) == 0x8825) {
                    long gps = tiff + u32(b, entry + 8, little);
                    if (gps + 2 <= b.length) {
                        int gpsEntries = u16(b, (int) gps, little);
                        int end = (int) Math.min(b.length, gps + 2 + gpsEntries * 12L);
                        java.util.Arrays.fill(b, (int) gps, end, (byte) 0);
                    }
                }
            }
        }
        return b;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) : ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static long u32(byte[] b, int i, boolean little) {
        return little
                ? (b[i] & 0xFFL) | ((b[i + 1] & 0xFFL) << 8) | ((b[i + 2] & 0xFFL) << 16) | ((b[i + 3] & 0xFFL) << 24)
                : ((b[i] & 0xFFL) << 24) | ((b[i + 1] & 0xFFL) << 16) | ((b[i + 2] & 0xFFL) << 8) | (b[i + 3] & 0xFFL);
    }
}
