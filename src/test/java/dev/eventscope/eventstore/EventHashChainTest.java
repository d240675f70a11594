package dev.eventscope.eventstore;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The canonical encoding of docs/hash-chain.md, pinned by hashes computed outside Java (Python's
 * hashlib over the documented layout): a faster encoder must give the same bytes, or every existing
 * ledger would stop verifying.
 */
class EventHashChainTest {

    @Test
    void the_chain_gives_the_documented_hashes_including_nulls_non_ascii_and_an_event_larger_than_the_buffer() {
        EventHashChain chain = new EventHashChain();
        byte[] first = chain.link(EventHashChain.GENESIS, "e-1", "account-assets:cash", 1, "PostingRecorded", 1,
                1_700_000_000_000_000L, "anna", null, "c-1", "PostEntry", "{\"amount\":\"12.50\",\"note\":\"Café\"}");
        assertEquals("30a1c6fb909ed99a840ad9f1a42121a469638440ca79ecc9906cf39c08a179d3", EventHashChain.hex(first));
        byte[] second = chain.link(first, "e-2", "ledger", 2, "PeriodClosed", 2, 1_700_000_000_000_001L, "", null, null, null,
                "x".repeat(3_000));
        assertEquals("94e563705c14d86b64aa35c0f90b15c3d4f0b8c2e397a7357c5f25aac6dbc097", EventHashChain.hex(second));
        byte[] again = chain.link(EventHashChain.GENESIS, "e-1", "account-assets:cash", 1, "PostingRecorded", 1,
                1_700_000_000_000_000L, "anna", null, "c-1", "PostEntry", "{\"amount\":\"12.50\",\"note\":\"Café\"}");
        assertEquals(EventHashChain.hex(first), EventHashChain.hex(again), "a large event leaves nothing behind for the next");
    }
}
