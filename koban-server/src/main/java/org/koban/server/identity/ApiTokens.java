package org.koban.server.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;

/**
 * API tokens for {@code Authorization: Bearer}: each acts as its owner, shown once, stored only as a
 * SHA-256 hash, revocable, with its last use recorded.
 */
public interface ApiTokens {

    IssuedApiToken issue(Actor actor, String name, @Nullable Instant expiresAt);

    List<ApiTokenView> listOwn(Actor actor);

    void revoke(Actor actor, UUID tokenId);
}
