package org.koban.server.notification;

import org.koban.server.access.Actor;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;

/** The outgoing mail queue, newest first, for those allowed to see it ({@code OUTBOX_VIEW}). */
public interface MailOutbox {

    /** The search matches the recipient, the subject or the kind. */
    Page<OutboxEntry> list(Actor actor, PageQuery query);
}
