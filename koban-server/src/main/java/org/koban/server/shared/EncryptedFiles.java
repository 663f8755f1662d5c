package org.koban.server.shared;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files that outsiders send (reporters' proof-of-concept files, participants' uploads) are live exploits: they are stored only encrypted, with Tink's segmented streaming
 * AEAD (AES256_GCM_HKDF_1MB), streamed both ways so that no file is ever whole in memory, and hashed
 * (SHA-256 of the plaintext) while streaming. Files are named by a random key, never by the reporter's file
 * name; the key is bound to the ciphertext as associated data, so a file swapped on disk fails to decrypt.
 * The keyset comes from {@code koban.intake.attachment-key} (base64 of a Tink JSON keyset) or is generated
 * once into {@code <data-dir>/keys/attachments.json}, readable by the owner only.
 */
@Component
public class EncryptedFiles {

    public record Stored(String storageKey, long size, String sha256) {}

    private static final int BUFFER = 64 * 1024;

    private final Path base;
    private final Path keyFile;
    private final @Nullable String configuredKey;
    private @Nullable StreamingAead aead;

    EncryptedFiles(
            @Value("${koban.data-dir}") String dataDir,
            @Value("${koban.intake.attachment-key:#{null}}") @Nullable String configuredKey) {
        Path root = Path.of(dataDir).toAbsolutePath().normalize();
        this.base = root.resolve("attachments");
        this.keyFile = root.resolve("keys").resolve("attachments.json");
        this.configuredKey = configuredKey;
    }

    /**
     * Encrypts {@code in} into a new file; beyond {@code maxBytes} deletes the partial file and throws what
     * {@code tooLarge} gives.
     */
    public Stored store(InputStream in, long maxBytes, Supplier<? extends RuntimeException> tooLarge) {
        String key = UUID.randomUUID() + ".bin";
        Path target = resolve(key);
        MessageDigest sha256 = sha256();
        long size = 0;
        try {
            Files.createDirectories(base);
            try (OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW);
                    OutputStream out = aead().newEncryptingStream(file, associatedData(key))) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    size += n;
                    if (size > maxBytes) throw tooLarge.get();
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            return new Stored(key, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            delete(key);
            if (e instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException("Could not store an attachment", e);
        }
    }

    /** The plaintext of a stored file, decrypted segment by segment as it is read. */
    public InputStream open(String storageKey) throws IOException {
        try {
            return aead().newDecryptingStream(Files.newInputStream(resolve(storageKey)), associatedData(storageKey));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot decrypt attachment " + storageKey, e);
        }
    }

    public void delete(String storageKey) {
        try {
            Files.deleteIfExists(resolve(storageKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String storageKey) {
        return resolve(storageKey);
    }

    public Path base() {
        return base;
    }

    /** Keys are ours (UUIDs), but the check keeps any future caller inside the attachments directory. */
    private Path resolve(String storageKey) {
        Path path = base.resolve(storageKey).normalize();
        if (!path.startsWith(base) || path.equals(base)) {
            throw new IllegalArgumentException("Storage key leaves the attachments directory");
        }
        return path;
    }

    private static byte[] associatedData(String storageKey) {
        return ("koban-attachment:" + storageKey).getBytes(StandardCharsets.UTF_8);
    }

    private synchronized StreamingAead aead() throws GeneralSecurityException, IOException {
        if (aead == null) {
            StreamingAeadConfig.register();
            aead = keyset().getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        }
        return aead;
    }

    private KeysetHandle keyset() throws GeneralSecurityException, IOException {
        if (configuredKey != null && !configuredKey.isBlank()) {
            String json = new String(Base64.getDecoder().decode(configuredKey.strip()), StandardCharsets.UTF_8);
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        }
        if (Files.exists(keyFile)) {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keyFile), InsecureSecretKeyAccess.get());
        }
        KeysetHandle generated = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(generated, InsecureSecretKeyAccess.get());
        Files.createDirectories(keyFile.getParent());
        try {
            // Created with owner-only permissions from the start, so the key is never readable by others.
            Files.createFile(
                    keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keyFile), InsecureSecretKeyAccess.get());
        }
        Files.writeString(keyFile, json, StandardOpenOption.TRUNCATE_EXISTING);
        return generated;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
