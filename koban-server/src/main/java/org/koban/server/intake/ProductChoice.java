package org.koban.server.intake;

import java.util.UUID;

/** A product a reporter may pick: its id and public name only, nothing internal (line, family, codes). */
public record ProductChoice(UUID id, String name) {}
