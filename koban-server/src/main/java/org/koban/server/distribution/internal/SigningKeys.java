package org.koban.server.distribution.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.jspecify.annotations.Nullable;
import org.koban.server.shared.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OpenPGP key that signs published CSAF documents (requirement 19), generated on first use: an Ed25519
 * primary key for signing with an X25519 subkey. Its secret part is stored only encrypted with a passphrase
 * (OpenPGP's S2K), which comes from {@code koban.distribution.signing-key-passphrase} or is generated once into
 * {@code <data-dir>/keys/signing-key-passphrase}, readable by the owner only. Rotation: see docs/advisories.md.
 */
@Component
class SigningKeys implements org.koban.server.distribution.SigningKeyAdministration {

    /** The active key: its fingerprint (40 upper-case hex digits), armored public key, and the key to sign with. */
    record SigningKey(String fingerprint, String publicKey, OpenPGPKey key) {}

    private final OpenPGPApi api = new BcOpenPGPApi();
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DistributionProperties properties;
    private final org.koban.server.access.Permissions permissions;
    private final org.koban.server.audit.AuditLog audit;
    private final Path passphraseFile;
    private final String userId;
    private @Nullable SigningKey cached;

    SigningKeys(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            DistributionProperties properties,
            org.koban.server.access.Permissions permissions,
            org.koban.server.audit.AuditLog audit,
            @Value("${koban.data-dir}") String dataDir,
            @Value("${koban.advisories.publisher-name:Example Manufacturer}") String publisher) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.permissions = permissions;
        this.audit = audit;
        this.passphraseFile = Path.of(dataDir).toAbsolutePath().normalize().resolve("keys/signing-key-passphrase");
        this.userId = properties.signingKeyUserId() == null
                        || properties.signingKeyUserId().isBlank()
                ? publisher + " CSAF signing key"
                : properties.signingKeyUserId().strip();
    }

    synchronized SigningKey active() {
        if (cached != null) return cached;
        var row = jdbc.sql("select fingerprint, public_key, secret_key from signing_key where active")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional();
        if (row.isEmpty()) {
            generate();
            return active();
        }
        try {
            OpenPGPKey stored = api.readKeyOrCertificate().parseKey(row.get()[2]);
            // Unlocking (the S2K) is deliberately slow; it is done once, and the unlocked copy lives in memory only.
            char[] passphrase = passphrase();
            var editor = api.editKey(stored, passphrase);
            for (var id : stored.getSecretKeys().keySet()) editor.changePassphrase(id, passphrase, null, false);
            OpenPGPKey unlocked = editor.done();
            cached = new SigningKey(row.get()[0], row.get()[1], unlocked);
            return cached;
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("The stored signing key cannot be read or unlocked", e);
        }
    }

    @Override
    public org.koban.server.distribution.SigningKeyView active(org.koban.server.access.Actor actor) {
        permissions.check(actor, org.koban.server.access.Action.SIGNING_KEY_MANAGE);
        SigningKey key = active();
        java.time.Instant created = jdbc.sql("select created_at from signing_key where fingerprint = :f")
                .param("f", key.fingerprint())
                .query(Timestamp.class)
                .single()
                .toInstant();
        return new org.koban.server.distribution.SigningKeyView(key.fingerprint(), key.publicKey(), created);
    }

    @Override
    public synchronized org.koban.server.distribution.SigningKeyView importKey(
            org.koban.server.access.Actor actor, @Nullable String armoredSecretKey, @Nullable String passphrase) {
        permissions.check(actor, org.koban.server.access.Action.SIGNING_KEY_MANAGE);
        if (armoredSecretKey == null || armoredSecretKey.isBlank() || armoredSecretKey.length() > 64 * 1024) {
            throw org.koban.server.shared.InvalidInputException.of(
                    "secretKey", "an ASCII-armored OpenPGP secret key (at most 64 KiB) is required");
        }
        char[] theirs = passphrase == null ? new char[0] : passphrase.toCharArray();
        OpenPGPKey imported;
        String armored;
        try {
            imported = api.readKeyOrCertificate().parseKey(armoredSecretKey);
            if (imported.getSigningKeys().isEmpty()) {
                throw org.koban.server.shared.InvalidInputException.of("secretKey", "the key cannot sign");
            }
            char[] ours = passphrase();
            var editor = api.editKey(imported, theirs);
            for (var id : imported.getSecretKeys().keySet()) editor.changePassphrase(id, theirs, ours, false);
            armored = editor.done().toAsciiArmoredString();
        } catch (org.koban.server.shared.InvalidInputException e) {
            throw e;
        } catch (IOException | PGPException | RuntimeException e) {
            throw org.koban.server.shared.InvalidInputException.of(
                    "secretKey", "the key could not be read or unlocked with this passphrase");
        }
        String fingerprint = HexFormat.of().withUpperCase().formatHex(imported.getFingerprint());
        String publicKey;
        try {
            publicKey = imported.toCertificate().toAsciiArmoredString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String before = active().fingerprint();
        tx.executeWithoutResult(status -> {
            jdbc.sql("update signing_key set active = false where active").update();
            jdbc.sql("""
                            insert into signing_key (fingerprint, public_key, secret_key, created_at, active)
                            values (:f, :public, :secret, :now, true)
                            on conflict (fingerprint) do update set secret_key = excluded.secret_key, active = true
                            """)
                    .param("f", fingerprint)
                    .param("public", publicKey)
                    .param("secret", armored)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            audit.record(
                    actor,
                    "signing-key.imported",
                    "signing-key",
                    fingerprint,
                    java.util.Map.of("fingerprint", before),
                    java.util.Map.of("fingerprint", fingerprint));
        });
        cached = null;
        return active(actor);
    }

    /** A detached, ASCII-armored signature of the bytes. */
    String sign(byte[] content) {
        SigningKey signing = active();
        try {
            List<OpenPGPSignature.OpenPGPDocumentSignature> signatures =
                    api.createDetachedSignature().addSigningKey(signing.key()).sign(new ByteArrayInputStream(content));
            StringBuilder armored = new StringBuilder();
            for (var signature : signatures) armored.append(signature.toAsciiArmoredString());
            return armored.toString();
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }

    private void generate() {
        try {
            OpenPGPKey key = api.generateKey(4, java.util.Date.from(clock.instant()))
                    .ed25519x25519Key(userId)
                    .build(passphrase());
            String fingerprint = HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
            String publicKey = key.toCertificate().toAsciiArmoredString();
            String secretKey = key.toAsciiArmoredString();
            tx.executeWithoutResult(status -> jdbc.sql("""
                            insert into signing_key (fingerprint, public_key, secret_key, created_at, active)
                            select :fingerprint, :public, :secret, :now, true
                            where not exists (select 1 from signing_key where active)
                            """)
                    .param("fingerprint", fingerprint)
                    .param("public", publicKey)
                    .param("secret", secretKey)
                    .param("now", Timestamp.from(clock.instant()))
                    .update());
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("Could not generate the signing key", e);
        }
    }

    private char[] passphrase() {
        if (properties.signingKeyPassphrase() != null
                && !properties.signingKeyPassphrase().isBlank()) {
            return properties.signingKeyPassphrase().toCharArray();
        }
        try {
            if (!Files.exists(passphraseFile)) {
                Files.createDirectories(passphraseFile.getParent());
                try {
                    Files.createFile(
                            passphraseFile,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(passphraseFile, Secrets.newSecret(), StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException raced) {
                    // another thread made it: read theirs
                }
            }
            return Files.readString(passphraseFile, StandardCharsets.UTF_8)
                    .strip()
                    .toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The signing key's passphrase cannot be read", e);
        }
    }
}
