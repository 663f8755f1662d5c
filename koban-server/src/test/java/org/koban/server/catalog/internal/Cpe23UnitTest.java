package org.koban.server.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Cpe23UnitTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cpe:2.3:h:example:gw-100:2.1.0:*:*:*:*:*:*:*",
                "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*",
                "cpe:2.3:o:example:firmware:-:*:en-us:*:*:*:*:*",
                "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*",
                "cpe:2.3:a:foo\\\\bar:big\\$money_manager_2010:*:*:*:*:special:ipod_touch:80gb:*",
                "cpe:2.3:a:example:product:1.\\*:*:*:*:*:*:*:*",
                "cpe:2.3:a:example:prod*:1.0??:*:*:*:*:*:*:*",
                "cpe:2.3:*:*:*:*:*:*:*:*:*:*:*",
                "cpe:2.3:a:example:with\\:colon:1.0:*:*:*:*:*:*:*"
            })
    void acceptsWellFormedNames(String cpe) {
        assertThat(Cpe23.problem(cpe)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cpe:/h:example:gw-100:2.1.0                      | CPE 2.2 URI",
                "gw-100                                           | must start with 'cpe:2.3:'",
                "cpe:2.3:h:example:gw-100:2.1.0:*:*:*:*:*:*       | it has 12",
                "cpe:2.3:h:example:gw-100:2.1.0:*:*:*:*:*:*:*:*   | it has 14",
                "cpe:2.3:x:example:gw-100:2.1.0:*:*:*:*:*:*:*     | component 1 (part) 'x' must be a, o, h, * or -",
                "cpe:2.3:h:example:gw 100:2.1.0:*:*:*:*:*:*:*     | component 3 (product) 'gw 100' has the character ' '",
                "cpe:2.3:h:example::2.1.0:*:*:*:*:*:*:*           | component 3 (product) '' is empty",
                "cpe:2.3:h:example:gw-100:2.1.0:*:*:english:*:*:*:* | component 7 (language) 'english'",
                "cpe:2.3:h:exa*mple:gw-100:2.1.0:*:*:*:*:*:*:*    | component 2 (vendor) 'exa*mple' has a wildcard",
                "cpe:2.3:h:example:gw-100:2.1.0:*:*:*:*:*:*:é     | component 11 (other) 'é'",
                "cpe:2.3:h:example:gw\\a:2.1.0:*:*:*:*:*:*:*      | quotes 'a', which needs no quoting",
                "cpe:2.3:h:example:gw-100:2.1.0:*:*:*:*:*:*:x\\   | lone backslash"
            })
    void refusesMalformedNamesSayingWhichComponentIsWrong(String cpe, String expected) {
        assertThat(Cpe23.problem(cpe)).contains(expected);
    }
}
