package org.koban.server.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.koban.server.access.Actor;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;

/**
 * Sites and production lines. Line-scoped people see only their own lines and the sites that hold them;
 * only admins change the structure. Every change is audited.
 */
public interface Organisation {

    Page<SiteView> sites(Actor actor, PageQuery query);

    SiteView site(Actor actor, UUID siteId);

    SiteView createSite(Actor actor, SiteCommand command);

    SiteView updateSite(Actor actor, UUID siteId, SiteCommand command);

    Page<ProductionLineView> lines(Actor actor, PageQuery query, @org.jspecify.annotations.Nullable UUID siteId);

    ProductionLineView line(Actor actor, UUID lineId);

    ProductionLineView createLine(Actor actor, ProductionLineCommand command);

    ProductionLineView updateLine(Actor actor, UUID lineId, ProductionLineCommand command);

    /** Every line the actor may see, for pickers; small by nature (a manufacturer has tens of lines). */
    List<ProductionLineView> visibleLines(Actor actor);

    /** Lines by their codes (case-insensitive), for imports; unknown codes are simply absent. */
    Map<String, ProductionLineView> linesByCode(Collection<String> codes);

    /** Lines by id, without a permission check: for modules that already checked access to their records. */
    Map<UUID, ProductionLineView> linesById(Collection<UUID> ids);
}
