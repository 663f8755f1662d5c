package org.koban.server.distribution.web;

import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.distribution.PublicSite;
import org.koban.server.distribution.SigningKeyAdministration;
import org.koban.server.distribution.SigningKeyView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The key that signs published advisories, for admins: see it, import (rotate) it. */
@RestController
@RequestMapping("/api/v1/signing-key")
class SigningKeyApi {

    private final SigningKeyAdministration keys;
    private final PublicSite site;

    SigningKeyApi(SigningKeyAdministration keys, PublicSite site) {
        this.keys = keys;
        this.site = site;
    }

    record ImportBody(@Nullable String secretKey, @Nullable String passphrase) {}

    @GetMapping
    SigningKeyView get(Actor actor) {
        return keys.active(actor);
    }

    /** Makes the key the active one and signs every published document again with it. */
    @PutMapping
    SigningKeyView importKey(Actor actor, @RequestBody ImportBody body) {
        SigningKeyView imported = keys.importKey(actor, body.secretKey(), body.passphrase());
        site.sync();
        return imported;
    }
}
