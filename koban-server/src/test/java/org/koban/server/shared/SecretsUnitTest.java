package org.koban.server.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SecretsUnitTest {

    @Test
    void newSecretsAreLongUrlSafeAndDistinct() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String secret = Secrets.newSecret();
            assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @Test
    void hashIsTheSha256HexOfTheSecret() {
        // SHA-256("abc"), FIPS 180-2 test vector.
        assertThat(Secrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
