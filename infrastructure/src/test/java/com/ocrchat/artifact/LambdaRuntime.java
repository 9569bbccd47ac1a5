package com.ocrchat.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.local.RuntimeApiEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function's runtime in a process of its own, as Lambda runs one: a command (a JVM with the Runtime
 * Interface Client as its main class, or the image's entry point) and an environment, answering the
 * {@link RuntimeApiEmulator} it is pointed at. Its output goes to a log file beside the test's reports.
 */
final class LambdaRuntime implements AutoCloseable {
    /** API Gateway's JSON leaves out what is not there. */
    private static final ObjectMapper MAPPER =
            new ObjectMapper().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private final RuntimeApiEmulator api;
    private final Process process;
    private final Path log;

    private LambdaRuntime(RuntimeApiEmulator api, Process process, Path log) {
        this.api = api;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workingDirectory} with {@code environment} and what Lambda sets, until it polls for an event. */
    static LambdaRuntime start(
            String function, List<String> command, Map<String, String> environment, Path workingDirectory, Path log)
            throws Exception {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("PATH", System.getenv("PATH"));
        return startCommand(function, all, lambda -> command, workingDirectory, log);
    }

    /** As above for a command that takes Lambda's variables itself (a container's entry point: {@code command(lambda)}). */
    static LambdaRuntime startCommand(
            String function,
            Map<String, String> environment,
            java.util.function.Function<Map<String, String>, List<String>> command,
            Path log)
            throws Exception {
        return startCommand(function, environment, command, Path.of("."), log);
    }

    private static LambdaRuntime startCommand(
            String function,
            Map<String, String> environment,
            java.util.function.Function<Map<String, String>, List<String>> command,
            Path workingDirectory,
            Path log)
            throws Exception {
        RuntimeApiEmulator api = RuntimeApiEmulator.start(function);
        Map<String, String> lambda = new java.util.LinkedHashMap<>(environment);
        lambda.put("AWS_LAMBDA_RUNTIME_API", api.address());
        lambda.put("AWS_LAMBDA_FUNCTION_NAME", function);
        lambda.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "3008");
        lambda.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        ProcessBuilder builder = new ProcessBuilder(command.apply(lambda))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(lambda);
        LambdaRuntime runtime = new LambdaRuntime(api, builder.start(), log);
        try {
            api.awaitReady(Duration.ofSeconds(120));
        } catch (Exception e) {
            runtime.close();
            throw new AssertionError(function + " did not start: " + e.getMessage() + "\n" + runtime.output(), e);
        }
        return runtime;
    }

    /** The function's answer to one event, parsed; its reported error fails the test with the runtime's output. */
    JsonNode invoke(Object event, Duration timeout) throws Exception {
        RuntimeApiEmulator.Result result =
                api.invoke(event instanceof String json ? json : MAPPER.writeValueAsString(event), timeout);
        if (result.error()) {
            throw new AssertionError("The function reported an error: " + result.body() + "\n" + output());
        }
        return MAPPER.readTree(result.body());
    }

    /** The function's answer or its reported error, as the Runtime API got it. */
    RuntimeApiEmulator.Result invokeRaw(String event, Duration timeout) throws Exception {
        return api.invoke(event, timeout);
    }

    String output() {
        try {
            return java.nio.file.Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The command of a JVM running the Runtime Interface Client with {@code classpath}, for {@code handler}. */
    static List<String> javaRuntime(List<Path> classpath, String handler) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-cp",
                String.join(":", classpath.stream().map(Path::toString).toList()),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                handler));
        return command;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        api.close();
    }
}
