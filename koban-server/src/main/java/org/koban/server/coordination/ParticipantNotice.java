package org.koban.server.coordination;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Mail to the people of a participant's party (portal accounts and the directory's contacts), published in the
 * transaction that caused it, for the mail outbox. Encrypted to the party's key when it has one.
 *
 * @param confidential whether the text may travel only encrypted (an invitation's link); when the key is
 *     unusable such a mail says so and leaves the text out
 */
public record ParticipantNotice(
        List<String> emails, @Nullable String pgpKey, String subject, String text, boolean confidential) {}
