package org.koban.server.identity.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.koban.server.identity.CurrentActor;
import org.koban.server.identity.Users;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Dates and times as the reader wants them: in the time zone they chose on their account (UTC until they do),
 * for templates as {@code ${@times.local(instant)}}. Moments that several people must agree on, such as an
 * embargo's end, are shown in the reader's zone and in UTC ({@link #utc}).
 */
@Component("times")
public class Times {

    private static final String ZONE_ATTRIBUTE = Times.class.getName() + ".zone";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final java.util.List<String> ZONES =
            ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final CurrentActor currentActor;
    private final Users users;

    Times(CurrentActor currentActor, Users users) {
        this.currentActor = currentActor;
        this.users = users;
    }

    /** The reader's zone; UTC for anonymous readers and Koban itself. */
    public ZoneId zone() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(ZONE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId zone) {
            return zone;
        }
        ZoneId zone = currentActor
                .get()
                .flatMap(actor -> {
                    try {
                        return java.util.Optional.of(
                                users.get(actor, actor.id()).zone());
                    } catch (RuntimeException noAccount) {
                        return java.util.Optional.empty();
                    }
                })
                .orElse(ZoneOffset.UTC);
        if (request != null) request.setAttribute(ZONE_ATTRIBUTE, zone, RequestAttributes.SCOPE_REQUEST);
        return zone;
    }

    /** E.g. {@code 2026-12-01 09:00 Asia/Tokyo}; empty for null. */
    public String local(@Nullable Instant instant) {
        if (instant == null) return "";
        ZoneId zone = zone();
        return FORMAT.format(instant.atZone(zone)) + " " + label(zone);
    }

    public String local(@Nullable ZonedDateTime time) {
        return time == null ? "" : local(time.toInstant());
    }

    /** E.g. {@code 2026-12-01 00:00 UTC}; empty for null. */
    public String utc(@Nullable Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    public String utc(@Nullable ZonedDateTime time) {
        return time == null ? "" : utc(time.toInstant());
    }

    /** Every IANA time zone a person may choose, sorted: for the pickers on the account and invitation pages. */
    public java.util.List<String> zones() {
        return ZONES;
    }

    /** Whether the reader reads in UTC, so a second UTC rendering would only repeat the first. */
    public boolean readerInUtc() {
        return zone().normalized().equals(ZoneOffset.UTC);
    }

    private static String label(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
