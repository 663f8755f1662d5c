package org.koban.server.sla;

import org.koban.server.access.Actor;

/** The one SLA policy of the organisation: read by everyone who computes a clock, edited by the PSIRT manager. */
public interface SlaPolicies {

    SlaPolicy current();

    /**
     * Replaces the policy. Clocks already running keep their due dates (tasks store theirs); new ones use
     * the new targets.
     *
     * @throws org.koban.server.shared.InvalidInputException listing every value out of range
     */
    SlaPolicy update(Actor actor, SlaPolicy policy);
}
