package org.koban.server.notification.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;

/** OpenPGP keys made in the test, the way a reporter's GnuPG would (version 4), and decryption with them. */
final class TestKeys {

    private static final OpenPGPApi API = new BcOpenPGPApi();

    private TestKeys() {}

    /** A usable key: Ed25519 primary with an X25519 encryption subkey. */
    static OpenPGPKey reporterKey(String email) throws PGPException {
        return API.generateKey(4).ed25519x25519Key("Reporter <" + email + ">").build();
    }

    /** A key that can only sign: it has no encryption subkey. */
    static OpenPGPKey signOnlyKey() throws PGPException {
        return API.generateKey(4).signOnlyKey().build();
    }

    /** A key made ten years ago, whose subkeys' validity has long run out. */
    static OpenPGPKey oldKey(String email) throws PGPException {
        Date tenYearsAgo = Date.from(Instant.now().minus(Duration.ofDays(3650)));
        return API.generateKey(4, tenYearsAgo)
                .ed25519x25519Key("Old <" + email + ">")
                .build();
    }

    static String publicKey(OpenPGPKey key) throws IOException {
        return key.toCertificate().toAsciiArmoredString();
    }

    static byte[] decrypt(OpenPGPKey key, String armored) throws IOException, PGPException {
        try (InputStream in = API.decryptAndOrVerifyMessage()
                .addDecryptionKey(key)
                .process(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            return in.readAllBytes();
        }
    }
}
