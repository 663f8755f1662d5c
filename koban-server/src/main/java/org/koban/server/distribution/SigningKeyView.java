package org.koban.server.distribution;

import java.time.Instant;

/** The key that signs published CSAF documents: its fingerprint and public part (the secret part never leaves). */
public record SigningKeyView(String fingerprint, String publicKey, Instant createdAt) {}
