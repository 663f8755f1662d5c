package org.koban.server.cve.internal;

import java.time.Duration;

/** How the client waits before a retry; tests pass one that records the wait instead of sleeping. */
@FunctionalInterface
interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration);
}
