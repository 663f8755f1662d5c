package org.koban.server.identity;

/** A token just issued: the only time its secret is shown. */
public record IssuedApiToken(ApiTokenView token, String secret) {}
