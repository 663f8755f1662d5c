/**
 * Small types every module speaks: paging, and the errors a service raises for bad input or a missing
 * record. No behaviour of the domain lives here.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.koban.server.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
