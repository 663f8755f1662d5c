package org.koban.server.web;

import java.util.List;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;

/** The menu a person sees: only what the permission service lets them use. */
public record Navigation(String userName, String roles, List<Item> items) {

    public record Item(String label, String href, String section) {}

    static Navigation of(Actor actor, Permissions permissions) {
        var items = new java.util.ArrayList<Item>();
        if (permissions.can(actor, Action.DASHBOARD_VIEW)) items.add(new Item("Dashboard", "/", "dashboard"));
        if (permissions.can(actor, Action.SHARED_CASE_VIEW)) items.add(new Item("Shared cases", "/portal", "portal"));
        if (permissions.can(actor, Action.REPORT_TRIAGE)) items.add(new Item("Triage", "/reports", "triage"));
        if (permissions.can(actor, Action.CASE_VIEW)) items.add(new Item("Cases", "/cases", "cases"));
        if (permissions.can(actor, Action.ADVISORY_EDIT) || permissions.can(actor, Action.ADVISORY_APPROVE)) {
            items.add(new Item("Advisories", "/advisories", "advisories"));
        }
        if (permissions.can(actor, Action.PARTY_VIEW)) items.add(new Item("Parties", "/parties", "parties"));
        if (permissions.can(actor, Action.ORGANISATION_VIEW)) {
            items.add(new Item("Organisation", "/organisation", "organisation"));
        }
        if (permissions.can(actor, Action.CATALOG_VIEW))
            items.add(new Item("Products", "/catalog/products", "catalog"));
        if (permissions.can(actor, Action.USER_VIEW)) items.add(new Item("Users", "/admin/users", "users"));
        if (permissions.can(actor, Action.AUDIT_VIEW)) items.add(new Item("Audit log", "/admin/audit", "audit"));
        if (permissions.can(actor, Action.OUTBOX_VIEW)) items.add(new Item("Outbox", "/admin/outbox", "outbox"));
        if (permissions.can(actor, Action.OWN_ACCOUNT_MANAGE)) items.add(new Item("Account", "/account", "account"));
        String roles = String.join(
                ", ", actor.roles().stream().map(r -> r.label()).sorted().toList());
        return new Navigation(actor.name(), roles, List.copyOf(items));
    }
}
