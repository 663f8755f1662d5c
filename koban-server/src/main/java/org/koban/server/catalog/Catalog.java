package org.koban.server.catalog;

import java.util.UUID;
import org.koban.server.access.Actor;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;

/**
 * Product families, products and versions. Everyone with catalogue access reads the products of the lines
 * they may see (line-scoped roles: their own lines; records of other lines are "not found"); admins, PSIRT
 * managers and the line's engineers change them. Families are organisation-wide names. Every change is
 * audited.
 */
public interface Catalog {

    Page<ProductFamilyView> families(Actor actor, PageQuery query);

    ProductFamilyView family(Actor actor, UUID familyId);

    ProductFamilyView createFamily(Actor actor, ProductFamilyCommand command);

    ProductFamilyView updateFamily(Actor actor, UUID familyId, ProductFamilyCommand command);

    /** Only a family that no product belongs to may be deleted. */
    void deleteFamily(Actor actor, UUID familyId);

    Page<ProductView> products(Actor actor, PageQuery query, ProductFilter filter);

    ProductView product(Actor actor, UUID productId);

    ProductView createProduct(Actor actor, ProductCommand command);

    /** Moving a product to another line takes edit rights on both lines. */
    ProductView updateProduct(Actor actor, UUID productId, ProductCommand command);

    /** Only a product without versions may be deleted: versions are what cases and advisories refer to. */
    void deleteProduct(Actor actor, UUID productId);

    Page<ProductVersionView> versions(Actor actor, UUID productId, PageQuery query);

    ProductVersionView version(Actor actor, UUID versionId);

    ProductVersionView createVersion(Actor actor, UUID productId, ProductVersionCommand command);

    ProductVersionView updateVersion(Actor actor, UUID versionId, ProductVersionCommand command);

    void deleteVersion(Actor actor, UUID versionId);

    /** Whether the actor may change this product and its versions (for showing edit buttons). */
    boolean canEdit(Actor actor, ProductView product);

    /** Whether the actor may create products at all (on at least one line). */
    boolean canCreateProducts(Actor actor);

    /** Whether the actor may create, change and delete product families. */
    boolean canManageFamilies(Actor actor);

    CatalogSummary summary(Actor actor);
}
