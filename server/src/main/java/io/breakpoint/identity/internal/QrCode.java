package io.breakpoint.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A QR code (ISO/IEC 18004) of a short text, for the authenticator set-up link: byte mode, error correction level M,
 * the smallest version from 1 to 10 that fits (up to 213 bytes), the mask with the lowest penalty. ZXing is not in our
 * Maven mirror (docs/decisions/0016); this follows the structure of Project Nayuki's MIT-licensed generator, reduced
 * to what we need, and is checked against node-qrcode's output (QrCodeTest).
 */
public final class QrCode {

    static final int MAX_VERSION = 10;
    // Level M, by version (index 0 unused): error correction codewords per block, and the number of blocks.
    private static final int[] ECC_PER_BLOCK = {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26};
    private static final int[] BLOCKS = {-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5};
    private static final int FORMAT_LEVEL_M = 0;

    public final int version;
    public final int size;
    public final int mask;
    private final boolean[][] modules;
    private final boolean[][] function;

    private QrCode(int version, int mask, byte[] data) {
        this.version = version;
        this.size = version * 4 + 17;
        this.modules = new boolean[size][size];
        this.function = new boolean[size][size];
        drawFunctionPatterns();
        drawCodewords(interleaveWithEcc(data));
        int chosen = mask;
        if (chosen < 0) {
            int best = Integer.MAX_VALUE;
            for (int m = 0; m < 8; m++) {
                applyMask(m);
                drawFormatBits(m);
                int penalty = penalty();
                if (penalty < best) {
                    best = penalty;
                    chosen = m;
                }
                applyMask(m);
            }
        }
        this.mask = chosen;
        applyMask(chosen);
        drawFormatBits(chosen);
    }

    public static QrCode of(String text) {
        return of(text, -1);
    }

    /** With a fixed mask (0–7), or the best one for -1. */
    static QrCode of(String text, int mask) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int v = 1; v <= MAX_VERSION; v++) {
            int capacityBits = dataCodewords(v) * 8;
            int needed = 4 + (v <= 9 ? 8 : 16) + bytes.length * 8;
            if (needed <= capacityBits) return new QrCode(v, mask, encode(bytes, v, capacityBits));
        }
        throw new IllegalArgumentException("Too long for a QR code of version " + MAX_VERSION + ": " + bytes.length + " bytes");
    }

    public boolean dark(int x, int y) {
        return modules[y][x];
    }

    /** An SVG image, 4 modules of quiet zone around, one unit per module. */
    public String svg() {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (modules[y][x]) path.append('M').append(x + 4).append(',').append(y + 4).append("h1v1h-1z");
            }
        }
        int full = size + 8;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + full + " " + full + "\" width=\"" + full * 6
                + "\" height=\"" + full * 6 + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"" + path + "\"/></svg>";
    }

    // ---- data

    private static byte[] encode(byte[] bytes, int version, int capacityBits) {
        List<Boolean> bits = new ArrayList<>();
        append(bits, 0b0100, 4);
        append(bits, bytes.length, version <= 9 ? 8 : 16);
        for (byte b : bytes) append(bits, b & 0xff, 8);
        append(bits, 0, Math.min(4, capacityBits - bits.size()));
        append(bits, 0, (8 - bits.size() % 8) % 8);
        for (int pad = 0xEC; bits.size() < capacityBits; pad ^= 0xEC ^ 0x11) append(bits, pad, 8);
        byte[] out = new byte[bits.size() / 8];
        for (int i = 0; i < bits.size(); i++) if (bits.get(i)) out[i >>> 3] |= (byte) (1 << (7 - (i & 7)));
        return out;
    }

    private static void append(List<Boolean> bits, int value, int length) {
        for (int i = length - 1; i >= 0; i--) bits.add(((value >>> i) & 1) != 0);
    }

    private static int rawDataModules(int ver) {
        int result = (16 * ver + 128) * ver + 64;
        if (ver >= 2) {
            int numAlign = ver / 7 + 2;
            result -= (25 * numAlign - 10) * numAlign - 55;
            if (ver >= 7) result -= 36;
        }
        return result;
    }

    static int dataCodewords(int ver) {
        return rawDataModules(ver) / 8 - ECC_PER_BLOCK[ver] * BLOCKS[ver];
    }

    private byte[] interleaveWithEcc(byte[] data) {
        int numBlocks = BLOCKS[version];
        int eccLen = ECC_PER_BLOCK[version];
        int rawCodewords = rawDataModules(version) / 8;
        int numShortBlocks = numBlocks - rawCodewords % numBlocks;
        int shortBlockLen = rawCodewords / numBlocks;
        byte[] divisor = reedSolomonDivisor(eccLen);
        List<byte[]> blocks = new ArrayList<>();
        for (int i = 0, k = 0; i < numBlocks; i++) {
            int dataLen = shortBlockLen - eccLen + (i < numShortBlocks ? 0 : 1);
            byte[] dat = java.util.Arrays.copyOfRange(data, k, k + dataLen);
            k += dataLen;
            byte[] block = java.util.Arrays.copyOf(dat, shortBlockLen + 1);
            byte[] ecc = reedSolomonRemainder(dat, divisor);
            System.arraycopy(ecc, 0, block, block.length - eccLen, ecc.length);
            blocks.add(block);
        }
        byte[] result = new byte[rawCodewords];
        int n = 0;
        for (int i = 0; i < blocks.get(0).length; i++) {
            for (int j = 0; j < blocks.size(); j++) {
                if (i != shortBlockLen - eccLen || j >= numShortBlocks) result[n++] = blocks.get(j)[i];
            }
        }
        return result;
    }

    private static byte[] reedSolomonDivisor(int degree) {
        byte[] result = new byte[degree];
        result[degree - 1] = 1;
        int root = 1;
        for (int i = 0; i < degree; i++) {
            for (int j = 0; j < result.length; j++) {
                result[j] = (byte) multiply(result[j] & 0xff, root);
                if (j + 1 < result.length) result[j] ^= result[j + 1];
            }
            root = multiply(root, 0x02);
        }
        return result;
    }

    private static byte[] reedSolomonRemainder(byte[] data, byte[] divisor) {
        byte[] result = new byte[divisor.length];
        for (byte b : data) {
            int factor = (b ^ result[0]) & 0xff;
            System.arraycopy(result, 1, result, 0, result.length - 1);
            result[result.length - 1] = 0;
            for (int i = 0; i < result.length; i++) result[i] ^= (byte) multiply(divisor[i] & 0xff, factor);
        }
        return result;
    }

    private static int multiply(int x, int y) {
        int z = 0;
        for (int i = 7; i >= 0; i--) {
            z = (z << 1) ^ ((z >>> 7) * 0x11D);
            z ^= ((y >>> i) & 1) * x;
        }
        return z;
    }

    // ---- drawing

    private void set(int x, int y, boolean dark) {
        modules[y][x] = dark;
        function[y][x] = true;
    }

    private void drawFunctionPatterns() {
        for (int i = 0; i < size; i++) {
            set(6, i, i % 2 == 0);
            set(i, 6, i % 2 == 0);
        }
        drawFinder(3, 3);
        drawFinder(size - 4, 3);
        drawFinder(3, size - 4);
        int[] align = alignmentPositions();
        int num = align.length;
        for (int i = 0; i < num; i++) {
            for (int j = 0; j < num; j++) {
                if (!(i == 0 && j == 0 || i == 0 && j == num - 1 || i == num - 1 && j == 0)) drawAlignment(align[i], align[j]);
            }
        }
        drawFormatBits(0); // reserves the area; drawn for real after masking
        drawVersion();
    }

    private void drawFinder(int x, int y) {
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int dist = Math.max(Math.abs(dx), Math.abs(dy));
                int xx = x + dx, yy = y + dy;
                if (0 <= xx && xx < size && 0 <= yy && yy < size) set(xx, yy, dist != 2 && dist != 4);
            }
        }
    }

    private void drawAlignment(int x, int y) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) set(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
        }
    }

    private int[] alignmentPositions() {
        if (version == 1) return new int[0];
        int numAlign = version / 7 + 2;
        int step = (version * 4 + numAlign * 2 + 1) / (numAlign * 2 - 2) * 2;
        int[] result = new int[numAlign];
        result[0] = 6;
        for (int i = numAlign - 1, pos = size - 7; i >= 1; i--, pos -= step) result[i] = pos;
        return result;
    }

    private void drawFormatBits(int mask) {
        int data = FORMAT_LEVEL_M << 3 | mask;
        int rem = data;
        for (int i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
        int bits = (data << 10 | rem) ^ 0x5412;
        for (int i = 0; i <= 5; i++) set(8, i, bit(bits, i));
        set(8, 7, bit(bits, 6));
        set(8, 8, bit(bits, 7));
        set(7, 8, bit(bits, 8));
        for (int i = 9; i < 15; i++) set(14 - i, 8, bit(bits, i));
        for (int i = 0; i < 8; i++) set(size - 1 - i, 8, bit(bits, i));
        for (int i = 8; i < 15; i++) set(8, size - 15 + i, bit(bits, i));
        set(8, size - 8, true);
    }

    private void drawVersion() {
        if (version < 7) return;
        int rem = version;
        for (int i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1F25);
        int bits = version << 12 | rem;
        for (int i = 0; i < 18; i++) {
            boolean b = bit(bits, i);
            int a = size - 11 + i % 3, c = i / 3;
            set(a, c, b);
            set(c, a, b);
        }
    }

    private void drawCodewords(byte[] data) {
        int i = 0;
        for (int right = size - 1; right >= 1; right -= 2) {
            if (right == 6) right = 5;
            for (int vert = 0; vert < size; vert++) {
                for (int j = 0; j < 2; j++) {
                    int x = right - j;
                    boolean upward = ((right + 1) & 2) == 0;
                    int y = upward ? size - 1 - vert : vert;
                    if (!function[y][x] && i < data.length * 8) {
                        modules[y][x] = bit(data[i >>> 3], 7 - (i & 7));
                        i++;
                    }
                }
            }
        }
    }

    private void applyMask(int mask) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean invert = switch (mask) {
                    case 0 -> (x + y) % 2 == 0;
                    case 1 -> y % 2 == 0;
                    case 2 -> x % 3 == 0;
                    case 3 -> (x + y) % 3 == 0;
                    case 4 -> (x / 3 + y / 2) % 2 == 0;
                    case 5 -> x * y % 2 + x * y % 3 == 0;
                    case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
                    default -> ((x + y) % 2 + x * y % 3) % 2 == 0;
                };
                modules[y][x] ^= invert && !function[y][x];
            }
        }
    }

    /** The four penalty rules of ISO/IEC 18004 section 7.8.3; the lowest-scoring mask is used. */
    private int penalty() {
        int result = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < size; a++) {
                int run = 1;
                for (int b = 1; b < size; b++) {
                    boolean prev = pass == 0 ? modules[a][b - 1] : modules[b - 1][a];
                    boolean cur = pass == 0 ? modules[a][b] : modules[b][a];
                    if (cur == prev) {
                        run++;
                    } else {
                        if (run >= 5) result += 3 + run - 5;
                        run = 1;
                    }
                }
                if (run >= 5) result += 3 + run - 5;
                for (int b = 0; b + 11 <= size; b++) {
                    StringBuilder s = new StringBuilder(11);
                    for (int k = 0; k < 11; k++) s.append((pass == 0 ? modules[a][b + k] : modules[b + k][a]) ? '1' : '0');
                    String w = s.toString();
                    if (w.equals("10111010000") || w.equals("00001011101")) result += 40;
                }
            }
        }
        int dark = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (modules[y][x]) dark++;
                if (x + 1 < size && y + 1 < size && modules[y][x] == modules[y][x + 1] && modules[y][x] == modules[y + 1][x]
                        && modules[y][x] == modules[y + 1][x + 1]) result += 3;
            }
        }
        int total = size * size;
        int k = (Math.abs(dark * 20 - total * 10) + total - 1) / total - 1;
        return result + k * 10;
    }

    private static boolean bit(int x, int i) {
        return ((x >>> i) & 1) != 0;
    }
}
