package org.koban.server.sla.web;

import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.sla.SlaPolicies;
import org.koban.server.sla.SlaPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SlaApi {

    private final SlaPolicies policies;
    private final Permissions permissions;

    SlaApi(SlaPolicies policies, Permissions permissions) {
        this.policies = policies;
        this.permissions = permissions;
    }

    @GetMapping("/api/v1/sla-policy")
    SlaPolicy policy(Actor actor) {
        permissions.check(actor, Action.REPORT_TRIAGE);
        return policies.current();
    }

    @PutMapping("/api/v1/sla-policy")
    SlaPolicy update(Actor actor, @RequestBody SlaPolicy policy) {
        return policies.update(actor, policy);
    }
}
