package com.ocrchat.testing.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every object store promises: a subclass gives the store. */
public abstract class ObjectStoreContract {

    protected abstract ObjectStore store();

    @Test
    void anObjectIsReadBackSizedOverwrittenAndDeleted() {
        String key = "results/" + UUID.randomUUID() + "/result.json";
        byte[] first = "{\"text\": \"one\"}".getBytes(StandardCharsets.UTF_8);
        store().put(key, first, "application/json");
        assertArrayEquals(first, store().get(key).orElseThrow());
        assertEquals(first.length, store().size(key).orElseThrow());
        byte[] second = "{\"text\": \"a redelivered chunk overwrites\"}".getBytes(StandardCharsets.UTF_8);
        store().put(key, second, "application/json");
        assertArrayEquals(second, store().get(key).orElseThrow());
        store().delete(key);
        assertTrue(store().get(key).isEmpty());
        assertTrue(store().size(key).isEmpty());
        store().delete(key); // deleting what is gone is no error
    }

    @Test
    void presignedLinksNameTheirObject() {
        String key = "exports/" + UUID.randomUUID() + "/export.pdf";
        assertTrue(store().presignedGet(key, Duration.ofMinutes(5), "report.pdf", "application/pdf")
                .contains(key));
        assertTrue(store().presignedPut(key, Duration.ofMinutes(5), 100).contains(key));
    }

    @Test
    void aBoundedReadStopsOneByteAfterTheBound() {
        String key = "incoming/" + UUID.randomUUID();
        store().put(key, "0123456789".getBytes(StandardCharsets.UTF_8), "application/octet-stream");
        assertEquals("01234", new String(store().getAtMost(key, 4).orElseThrow(), StandardCharsets.UTF_8));
        assertEquals("0123456789", new String(store().getAtMost(key, 10).orElseThrow(), StandardCharsets.UTF_8));
        assertEquals("0123456789", new String(store().getAtMost(key, 1000).orElseThrow(), StandardCharsets.UTF_8));
        assertTrue(store().getAtMost("incoming/" + UUID.randomUUID(), 4).isEmpty());
        store().delete(key);
    }
}
