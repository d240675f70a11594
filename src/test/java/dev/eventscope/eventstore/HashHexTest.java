package dev.eventscope.eventstore;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EventHashChain#hex} writes the text {@link HexFormat#of()} writes (every stored hash is compared as that text). */
class HashHexTest {

    @Test
    void givesHexFormatsLowerCaseTextForAnyBytes() {
        Random random = new Random(15);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[round % 70];
            random.nextBytes(bytes);
            assertThat(EventHashChain.hex(bytes)).isEqualTo(HexFormat.of().formatHex(bytes));
        }
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        assertThat(EventHashChain.hex(everyByte)).isEqualTo(HexFormat.of().formatHex(everyByte));
        assertThat(EventHashChain.hex(null)).isNull();
    }
}
