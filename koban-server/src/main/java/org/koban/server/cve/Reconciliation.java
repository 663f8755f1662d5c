package org.koban.server.cve;

import java.util.List;

/**
 * What a reconciliation with CVE Services' list found.
 *
 * @param adopted ids reserved for Koban's CNA user that Koban had not recorded (answers lost), now in the pool
 * @param rejected ids Koban held as reserved that CVE Services lists as rejected
 * @param settledRequests reservation requests whose outcome was unknown (or left pending by a crash), now settled
 */
public record Reconciliation(List<String> adopted, List<String> rejected, int settledRequests) {}
