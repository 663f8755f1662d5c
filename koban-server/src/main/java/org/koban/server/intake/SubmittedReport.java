package org.koban.server.intake;

/** The answer to a submission: the report's reference and the reporter's private, absolute tracking link. */
public record SubmittedReport(String reference, String trackingUrl) {}
