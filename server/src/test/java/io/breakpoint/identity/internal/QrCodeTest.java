package io.breakpoint.identity.internal;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The enrolment QR code, module for module against node-qrcode 1.5.4 (src/test/resources/identity/qr-reference.tsv:
 * versions 1 to 10, every mask, byte mode, level M), so authenticator apps read it like any other QR code.
 */
class QrCodeTest {

    @Test
    void matchesAnIndependentEncoderForEveryVersionAndMask() throws Exception {
        List<String> lines;
        try (var in = new BufferedReader(new InputStreamReader(
                QrCodeTest.class.getResourceAsStream("/identity/qr-reference.tsv"), StandardCharsets.UTF_8))) {
            lines = in.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        }
        assertThat(lines).hasSize(10);
        for (String line : lines) {
            String[] f = line.split("\t");
            QrCode qr = QrCode.of(f[0], Integer.parseInt(f[1]));
            assertThat(qr.version).as("version for %d bytes", f[0].length()).isEqualTo(Integer.parseInt(f[2]));
            String[] rows = f[3].split("/");
            assertThat(qr.size).isEqualTo(rows.length);
            for (int y = 0; y < qr.size; y++) {
                StringBuilder row = new StringBuilder();
                for (int x = 0; x < qr.size; x++) row.append(qr.dark(x, y) ? '1' : '0');
                assertThat(row.toString()).as("version %d, mask %s, row %d", qr.version, f[1], y).isEqualTo(rows[y]);
            }
        }
    }

    @Test
    void theSetUpLinkFitsAndRendersAsSvg() {
        String uri = Totp.uri("Breakpoint", "someone.with.a.long.name@riverbend-health.example", Totp.newSecret());
        QrCode qr = QrCode.of(uri);
        assertThat(qr.mask).isBetween(0, 7);
        assertThat(qr.svg()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<path fill=\"#000000\" d=\"M");
        assertThatThrownBy(() -> QrCode.of("x".repeat(300))).isInstanceOf(IllegalArgumentException.class);
    }
}
