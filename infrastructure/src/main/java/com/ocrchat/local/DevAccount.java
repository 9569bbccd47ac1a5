package com.ocrchat.local;

import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The development account of a local server: made on the first start and the same on later starts.
 * Its token is kept in clear only in the local data folder, for the developer's convenience; the
 * accounts table holds its hash like any other.
 */
final class DevAccount {
    static final long CREDITS = 1000;

    private DevAccount() {}

    /** The development account's token: the one in the data folder while it still works, else a new account's. */
    static String token(AccountStore accounts, Path dataDir) throws IOException {
        Path file = dataDir == null ? null : dataDir.resolve("dev-token");
        if (file != null && Files.exists(file)) {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (accounts.findByToken(token).isPresent()) {
                return token;
            }
        }
        String token = accounts.create(Plan.PAID, CREDITS).token();
        if (file != null) {
            // The token in clear, for the developer only: readable and writable by its owner alone.
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        }
        return token;
    }
}
