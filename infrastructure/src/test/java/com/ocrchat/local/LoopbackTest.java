package com.ocrchat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every port the local server opens is on loopback: with the whole stack running (the API, DynamoDB Local,
 * s3proxy, ElasticMQ), the sockets this JVM listens on, as the kernel lists them, are all on 127.0.0.1 or ::1.
 */
class LoopbackTest {
    private static final String LOOPBACK_V4 = "0100007F";
    private static final String LOOPBACK_V6 = "00000000000000000000000001000000";
    private static final String V4_MAPPED_LOOPBACK = "0000000000000000FFFF00000100007F";

    @Test
    void everyListeningSocketOfTheLocalStackIsOnLoopback() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
        TestServer.get();
        Set<String> ours = socketInodes();
        List<String> listening = new ArrayList<>();
        List<String> exposed = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                boolean listens = fields[3].equals("0A");
                if (!listens || !ours.contains(fields[9])) {
                    continue;
                }
                String address = fields[1].substring(0, fields[1].indexOf(':'));
                int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16);
                listening.add(address + ":" + port);
                if (!Set.of(LOOPBACK_V4, LOOPBACK_V6, V4_MAPPED_LOOPBACK).contains(address)) {
                    exposed.add(table + " " + address + ":" + port);
                }
            }
        }
        assertFalse(listening.size() < 4, "the API, DynamoDB Local, s3proxy and ElasticMQ listen: " + listening);
        assertEquals(List.of(), exposed, "sockets listening beyond this machine");
    }

    /** The inodes of this process's sockets, from its open file descriptors. */
    private static Set<String> socketInodes() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listed
                }
            }
        }
        return inodes;
    }
}
