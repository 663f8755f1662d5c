package org.koban.server.identity;

import java.util.UUID;

/** An enabled user as a mail recipient: only what a notification needs. */
public record MailRecipient(UUID id, String email, String displayName) {}
