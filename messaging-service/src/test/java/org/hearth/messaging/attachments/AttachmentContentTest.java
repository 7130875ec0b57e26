package org.hearth.messaging.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentContentTest {

    @Test
    void detectsTypesByContentNotByName() {
        assertThat(ContentType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .contains(ContentType.JPEG);
        assertThat(ContentType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .contains(ContentType.PNG);
        assertThat(ContentType.detect("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .contains(ContentType.PDF);
        assertThat(ContentType.detect(heicHeader())).contains(ContentType.HEIC);
        assertThat(ContentType.detect(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty(); // a Windows program
        assertThat(ContentType.detect(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}))
                .isEmpty(); // a Linux program
        assertThat(ContentType.detect("<html>".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }

    @Test
    void pngTextAndExifChunksAreDropped() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", new byte[13]);
        chunk(png, "eXIf", "GPS 39.78N".getBytes(StandardCharsets.US_ASCII));
        chunk(png, "tEXt", "Location\0Jane's house".getBytes(StandardCharsets.US_ASCII));
        chunk(png, "IEND", new byte[0]);
        String stripped =
                new String(MetadataStripper.strip(ContentType.PNG, png.toByteArray()), StandardCharsets.ISO_8859_1);
        assertThat(stripped).contains("IHDR", "IEND").doesNotContain("GPS", "Jane");
    }

    @Test
    void heicGpsDirectoryIsEmptiedInPlace() {
        ByteArrayOutputStream heic = new ByteArrayOutputStream();
        heic.writeBytes(heicHeader());
        heic.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        // big-endian TIFF: IFD0 at 8 with one entry GPSInfo (0x8825) -> GPS IFD at 26 with one entry
        heic.writeBytes(new byte[] {
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8,
            0,
            1,
            (byte) 0x88,
            0x25,
            0,
            4,
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            26,
            0,
            0,
            0,
            0,
            0,
            1,
            0,
            2,
            0,
            2,
            0,
            0,
            0,
            2,
            'N',
            0,
            0,
            0
        });
        byte[] before = heic.toByteArray();
        byte[] after = MetadataStripper.strip(ContentType.HEIC, before);
        assertThat(after).hasSameSizeAs(before);
        int gps = heicHeader().length + 6 + 26;
        assertThat(after[gps + 1]).as("GPS entry count").isZero();
        assertThat(new String(after, StandardCharsets.ISO_8859_1)).doesNotContain("N\0\0\0");
    }

    static byte[] heicHeader() {
        return new byte[] {
            0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'
        };
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(new byte[] {0, 0, (byte) (data.length >> 8), (byte) data.length});
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes(new byte[4]); // CRC (not checked here)
    }
}
