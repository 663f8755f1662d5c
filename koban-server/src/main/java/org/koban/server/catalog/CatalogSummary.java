package org.koban.server.catalog;

/** Counts for the dashboard, within the lines the actor may see. */
public record CatalogSummary(long products, long versions, long inDevelopment, long onMarket, long endOfSupport) {}
