package com.ocrchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The tests' HTTP client is the user's: curl, run in a working folder. */
final class Curl {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Curl() {}

    /** curl's JSON answer; with -w "\n%{http_code}" the status is added as http_code. */
    static JsonNode json(Path work, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s"));
        command.addAll(List.of(arguments));
        String output = run(work, command);
        int newline = output.lastIndexOf('\n');
        if (List.of(arguments).contains("-w") && newline > 0) {
            ObjectNode json = (ObjectNode) MAPPER.readTree(output.substring(0, newline));
            json.put("http_code", Integer.parseInt(output.substring(newline + 1).trim()));
            return json;
        }
        return MAPPER.readTree(output);
    }

    /** The command's standard output; it must succeed within 3 minutes. */
    static String run(Path work, List<String> command) throws Exception {
        Path errors = Files.createTempFile(work, "stderr", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectError(errors.toFile())
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), command + " failed:\n" + output + Files.readString(errors));
        return output;
    }
}
