package org.koban.server.notification.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPMessageOutputStream;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.springframework.stereotype.Component;

/**
 * Encrypts a mail's content to a recipient's OpenPGP public key, as the inner part of a PGP/MIME message
 * (RFC 3156). The key is judged by BouncyCastle's certificate evaluation at the given moment: verified
 * self-signatures, key flags, expiry and revocation.
 */
@Component
class OpenPgp {

    sealed interface Outcome permits Encrypted, Unusable {}

    /** The ASCII-armoured OpenPGP message; its plaintext is a MIME entity holding the text. */
    record Encrypted(String armored) implements Outcome {}

    /** Why the key cannot be used, in words fit to tell the recipient. */
    record Unusable(String reason) implements Outcome {}

    private final OpenPGPApi api = new BcOpenPGPApi();

    Outcome encrypt(String armoredKey, String text, Instant now) {
        OpenPGPCertificate certificate;
        try {
            certificate = api.readKeyOrCertificate().parseCertificate(armoredKey);
        } catch (IOException | RuntimeException e) {
            // BouncyCastle answers malformed input with a variety of runtime exceptions; all mean "unreadable".
            return new Unusable("the key could not be read as an OpenPGP public key");
        }
        Date at = Date.from(now);
        List<OpenPGPCertificate.OpenPGPComponentKey> keys;
        try {
            keys = certificate.getEncryptionKeys(at);
        } catch (RuntimeException e) {
            return new Unusable("the key could not be checked");
        }
        if (keys.isEmpty()) return new Unusable(whyNoKey(certificate, at));
        try {
            var out = new ByteArrayOutputStream();
            OpenPGPMessageOutputStream message = api.signAndOrEncryptMessage()
                    .addEncryptionCertificate(keys.get(0))
                    .setArmored(true)
                    .open(out);
            try (message) {
                message.write(mimeEntity(text));
            }
            return new Encrypted(out.toString(StandardCharsets.US_ASCII));
        } catch (PGPException | IOException | RuntimeException e) {
            return new Unusable("encrypting to the key failed");
        }
    }

    private static String whyNoKey(OpenPGPCertificate certificate, Date at) {
        Date expiry = certificate.getExpirationTime(at);
        if (expiry != null && !expiry.after(at)) return "the key has expired";
        if (certificate.getRevocation(at) != null) return "the key has been revoked";
        // A key that could encrypt when it was made but cannot now has had its encryption subkey expire or
        // be revoked; one that never could has no encryption subkey at all.
        Date made = Date.from(
                certificate.getPrimaryKey().getCreationTime().toInstant().plus(Duration.ofMinutes(1)));
        try {
            if (made.before(at) && !certificate.getEncryptionKeys(made).isEmpty()) {
                return "the key's encryption subkey has expired or been revoked";
            }
        } catch (RuntimeException e) {
            // fall through to the general answer
        }
        return "the key has no usable encryption subkey";
    }

    /** The inner MIME entity of a PGP/MIME message: UTF-8 plain text, base64 so that nothing needs 8-bit. */
    static byte[] mimeEntity(String text) {
        String body = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        String entity = "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + body
                + "\r\n";
        return entity.getBytes(StandardCharsets.US_ASCII);
    }
}
