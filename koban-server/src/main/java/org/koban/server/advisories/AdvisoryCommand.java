package org.koban.server.advisories;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an analyst writes on an advisory; the rest (vulnerabilities, products and their statuses, scores,
 * acknowledgments, recognitions) comes from the case when the advisory is rendered.
 *
 * @param fix the vendor fix: what to install (e.g. "Update to firmware 3.0.1 or later")
 * @param fixUrl where to get the fix
 * @param references extra public references, one URL each
 */
public record AdvisoryCommand(
        @Nullable String title,
        @Nullable String summary,
        @Nullable String impact,
        @Nullable String fix,
        @Nullable String fixUrl,
        @Nullable String workaround,
        @Nullable String mitigation,
        @Nullable List<String> references) {}
