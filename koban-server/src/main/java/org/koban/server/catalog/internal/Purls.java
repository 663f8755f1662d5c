package org.koban.server.catalog.internal;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import org.jspecify.annotations.Nullable;

/** Package URLs, checked by the reference implementation (packageurl-java). */
final class Purls {

    static final int MAX_LENGTH = 2000;

    private Purls() {}

    /** Why the text is not a package URL, or {@code null} if it is one. */
    static @Nullable String problem(String purl) {
        if (purl.length() > MAX_LENGTH) return "must be at most " + MAX_LENGTH + " characters";
        if (!purl.startsWith("pkg:"))
            return "must be a package URL starting with 'pkg:', such as pkg:generic/acme/gw-100@2.1.0";
        try {
            new PackageURL(purl);
            return null;
        } catch (MalformedPackageURLException | RuntimeException e) {
            return "is not a valid package URL: " + e.getMessage();
        }
    }
}
