package org.koban.server.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.koban.server.coordination.PartyContact;

/** The contacts box of the party form: "Name <email> (role)", each part optional, one per line. */
class PartyFormUnitTest {

    @Test
    void readsEveryShapeOfContactLine() {
        var contacts = PartyPages.PartyForm.contactLines(
                "Vulnerability desk <vuls@example.jp> (coordination)\n\n  psirt@example.org  \nTaro Yamada (CNA liaison)\r\n<only@example.org>");
        assertThat(contacts)
                .containsExactly(
                        new PartyContact("Vulnerability desk", "vuls@example.jp", "coordination"),
                        new PartyContact(null, "psirt@example.org", null),
                        new PartyContact("Taro Yamada", null, "CNA liaison"),
                        new PartyContact(null, "only@example.org", null));
    }

    @Test
    void writesContactsBackInTheSameShape() {
        var view = new org.koban.server.coordination.PartyView(
                java.util.UUID.randomUUID(),
                "JPCERT/CC",
                org.koban.server.coordination.PartyKind.COORDINATOR,
                "JP",
                null,
                null,
                java.util.List.of(new PartyContact("Desk", "vuls@example.jp", "coordination")),
                null,
                "",
                java.time.Instant.EPOCH,
                java.time.Instant.EPOCH);
        var form = PartyPages.PartyForm.of(view);
        assertThat(PartyPages.PartyForm.contactLines(form.contacts())).isEqualTo(view.contacts());
    }
}
