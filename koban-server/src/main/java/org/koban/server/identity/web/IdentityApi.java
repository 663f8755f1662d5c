package org.koban.server.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.identity.ApiTokenView;
import org.koban.server.identity.ApiTokens;
import org.koban.server.identity.IssuedApiToken;
import org.koban.server.identity.UserCommand;
import org.koban.server.identity.UserView;
import org.koban.server.identity.Users;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account and tokens, and user administration, over REST. */
@RestController
@RequestMapping("/api/v1")
class IdentityApi {

    record TokenRequest(String name, @Nullable Instant expiresAt) {}

    record PasswordChange(String currentPassword, String newPassword) {}

    private final Users users;
    private final ApiTokens tokens;

    IdentityApi(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping("/me")
    UserView me(Actor actor) {
        return users.get(actor, actor.id());
    }

    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Actor actor, @RequestBody PasswordChange change) {
        users.changeOwnPassword(actor, change.currentPassword(), change.newPassword());
    }

    @GetMapping("/me/tokens")
    List<ApiTokenView> myTokens(Actor actor) {
        return tokens.listOwn(actor);
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedApiToken issueToken(Actor actor, @RequestBody TokenRequest request) {
        return tokens.issue(actor, request.name(), request.expiresAt());
    }

    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(Actor actor, @PathVariable UUID id) {
        tokens.revoke(actor, id);
    }

    @GetMapping("/users")
    Page<UserView> users(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return users.list(actor, PageQuery.of(q, page, size));
    }

    @GetMapping("/users/{id}")
    UserView user(Actor actor, @PathVariable UUID id) {
        return users.get(actor, id);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView createUser(Actor actor, @RequestBody UserCommand command) {
        return users.create(actor, command);
    }

    @PutMapping("/users/{id}")
    UserView updateUser(Actor actor, @PathVariable UUID id, @RequestBody UserCommand command) {
        return users.update(actor, id, command);
    }

    @PostMapping("/users/{id}/unlock")
    UserView unlock(Actor actor, @PathVariable UUID id) {
        return users.unlock(actor, id);
    }
}
