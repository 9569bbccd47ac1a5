package com.ocrchat.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.ocrchat.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container image's root filesystem built without Docker, from the image's own Dockerfile so that the
 * two cannot drift: {@code FROM debian:<release>} is a {@code debootstrap} of that release, each
 * {@code RUN} runs in the root with {@code unshare} and {@code chroot}, and {@code ARG}, {@code ENV},
 * {@code WORKDIR}, {@code COPY}, {@code ENTRYPOINT} and {@code CMD} mean what they mean to Docker. The
 * root as it stands after the last {@code RUN} before the first {@code COPY} is cached (keyed by those
 * instructions and the build arguments); the copies are made afresh each time. Needs root.
 */
public final class ImageReplay {
    private static final Logger LOG = LoggerFactory.getLogger(ImageReplay.class);
    private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** The replayed image: its root, its environment, working directory, entry point and default command. */
    public record Image(
            Path root, Map<String, String> environment, String workdir, List<String> entrypoint, List<String> cmd) {

        /**
         * The command that runs the image's entry point with {@code command} (the default command when empty)
         * in its root, with its environment plus {@code extra}: a process of its own with its own /proc, /dev
         * and /tmp, sharing the host's network as a container on the host network does.
         */
        public List<String> run(List<String> command, Map<String, String> extra) {
            List<String> argv = new ArrayList<>(List.of(
                    "unshare",
                    "--mount",
                    "--pid",
                    "--fork",
                    "/bin/sh",
                    "-c",
                    "mount -t proc proc \"$0/proc\" && mount --bind /dev \"$0/dev\" && mount -t tmpfs tmpfs \"$0/tmp\""
                            + " && exec chroot \"$0\" /usr/bin/env -i \"$@\"",
                    root.toString(),
                    PATH));
            environment.forEach((name, value) -> argv.add(name + "=" + value));
            extra.forEach((name, value) -> argv.add(name + "=" + value));
            argv.addAll(List.of("/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", workdir));
            argv.addAll(entrypoint);
            argv.addAll(command.isEmpty() ? cmd : command);
            return argv;
        }
    }

    /** One instruction of a Dockerfile, its continuation lines joined. */
    record Instruction(String keyword, String argument) {}

    private ImageReplay() {}

    /** Replays {@code dockerfile} with the build context {@code context}, keeping roots under {@code cache}. */
    public static Image build(Path dockerfile, Path context, Map<String, String> buildArgs, Path cache)
            throws IOException, InterruptedException {
        List<Instruction> instructions = parse(Files.readString(dockerfile, StandardCharsets.UTF_8));
        Map<String, String> args = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        String workdir = "/";
        List<String> entrypoint = List.of();
        List<String> cmd = List.of();
        int firstCopy = instructions.stream().map(Instruction::keyword).toList().indexOf("COPY");
        List<Instruction> base = instructions.subList(0, firstCopy < 0 ? instructions.size() : firstCopy);
        Path root = cache.resolve("rootfs-" + key(base, buildArgs));
        boolean cached = Files.exists(root.resolve(".replayed"));
        Path building = cached ? root : Files.createDirectories(cache).resolve(root.getFileName() + ".building");
        if (!cached) {
            delete(building);
        }
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            boolean replay = !cached || i >= base.size();
            switch (instruction.keyword()) {
                case "FROM" -> {
                    if (replay) {
                        debootstrap(instruction.argument(), building);
                    }
                }
                case "ARG" -> {
                    String[] parts = instruction.argument().split("=", 2);
                    args.put(
                            parts[0].strip(),
                            buildArgs.getOrDefault(
                                    parts[0].strip(), parts.length > 1 ? unquote(parts[1].strip()) : ""));
                }
                case "ENV" -> environment.putAll(assignments(instruction.argument()));
                case "WORKDIR" -> {
                    workdir = instruction.argument().startsWith("/")
                            ? instruction.argument()
                            : workdir + "/" + instruction.argument();
                    Files.createDirectories(Path.of(building + workdir));
                }
                case "RUN" -> {
                    if (replay) {
                        run(building, instruction.argument(), environment, args);
                    }
                }
                case "COPY" -> copy(context, building, workdir, instruction.argument());
                case "ENTRYPOINT" -> entrypoint = execForm(instruction);
                case "CMD" -> cmd = execForm(instruction);
                default ->
                    throw new IllegalArgumentException(
                            "The replay does not take " + instruction.keyword() + " instructions");
            }
            if (!cached && i == base.size() - 1) {
                Files.writeString(
                        building.resolve(".replayed"),
                        instructions.subList(0, base.size()).toString());
                Files.move(building, root, StandardCopyOption.ATOMIC_MOVE);
                building = root;
                cached = true;
            }
        }
        return new Image(root, environment, workdir, entrypoint, cmd);
    }

    static List<Instruction> parse(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed)
                    .append(' ');
            if (!continues) {
                String text = current.toString().strip().replaceAll("\\s+", " ");
                int space = text.indexOf(' ');
                instructions.add(new Instruction(
                        text.substring(0, space).toUpperCase(java.util.Locale.ROOT), text.substring(space + 1)));
                current.setLength(0);
            }
        }
        return instructions;
    }

    /** {@code KEY=value KEY2="quoted value"} as Docker's ENV reads it. */
    static Map<String, String> assignments(String argument) {
        Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        while (i < argument.length()) {
            while (i < argument.length() && argument.charAt(i) == ' ') {
                i++;
            }
            int equals = argument.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = argument.substring(i, equals);
            StringBuilder value = new StringBuilder();
            int j = equals + 1;
            boolean quoted = false;
            for (; j < argument.length() && (quoted || argument.charAt(j) != ' '); j++) {
                char c = argument.charAt(j);
                if (c == '"') {
                    quoted = !quoted;
                } else {
                    value.append(c);
                }
            }
            values.put(name, value.toString());
            i = j;
        }
        return values;
    }

    private static List<String> execForm(Instruction instruction) {
        try {
            return Json.MAPPER.readValue(instruction.argument(), new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    instruction.keyword() + " must be in exec form (a JSON array): " + instruction.argument(), e);
        }
    }

    /** {@code FROM debian:bookworm-slim}: a minimal Debian of that release, as the slim images are. */
    private static void debootstrap(String image, Path root) throws IOException, InterruptedException {
        if (!image.startsWith("debian:")) {
            throw new IllegalArgumentException("The replay builds Debian images only, not " + image);
        }
        String release = image.substring("debian:".length()).replace("-slim", "");
        LOG.info("debootstrap {} into {}", release, root);
        execute(List.of("debootstrap", "--variant=minbase", release, root.toString(), "http://deb.debian.org/debian"));
        Files.copy(Path.of("/etc/resolv.conf"), root.resolve("etc/resolv.conf"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A RUN in the root, with the environment so far and the build arguments, as Docker gives them to RUN. */
    private static void run(Path root, String command, Map<String, String> environment, Map<String, String> args)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(args);
        all.putAll(environment);
        all.put("HOME", "/root");
        LOG.info("RUN {}", command);
        execute(new Image(root, all, "/", List.of("/bin/sh", "-c"), List.of()).run(List.of(command), Map.of()));
    }

    private static void copy(Path context, Path root, String workdir, String argument) throws IOException {
        String[] parts = argument.split(" ");
        String destination = parts[parts.length - 1];
        Path target = Path.of(root + (destination.startsWith("/") ? destination : workdir + "/" + destination));
        for (int i = 0; i < parts.length - 1; i++) {
            Path source = context.resolve(parts[i]);
            if (!Files.isRegularFile(source)) {
                throw new IOException(
                        "COPY " + parts[i] + ": no such file in the build context (build the artifacts first)");
            }
            Path into = destination.endsWith("/") || Files.isDirectory(target)
                    ? target.resolve(source.getFileName())
                    : target;
            Files.createDirectories(into.getParent());
            Files.copy(source, into, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void execute(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " failed:\n"
                    + output.substring(Math.max(0, output.length() - 4000)));
        }
    }

    private static String key(List<Instruction> base, Map<String, String> buildArgs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((base + "|" + new java.util.TreeMap<>(buildArgs)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static void delete(Path folder) throws IOException, InterruptedException {
        if (Files.exists(folder)) {
            execute(List.of("rm", "-rf", "--one-file-system", folder.toString()));
        }
    }
}
