package org.koban.server.notification;

/** Where a mail is in the outbox: waiting (also between retries), sent, or given up after the last attempt. */
public enum MailState {
    PENDING,
    SENT,
    FAILED
}
