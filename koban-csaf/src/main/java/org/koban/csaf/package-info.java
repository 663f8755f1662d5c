/**
 * CSAF 2.0 (OASIS Common Security Advisory Framework): the document model, its JSON reader and writer,
 * and a validator for the schema and the specification's tests. Plain Java 17, no framework, so that
 * other tools can embed it.
 */
package org.koban.csaf;
