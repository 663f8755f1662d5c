package org.koban.server.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.koban.server.access.Action;
import org.koban.server.access.Permissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains. The API ({@code /api/**} and actuator) is stateless, token-only, answers 401/403 as
 * problem+json and never redirects. The UI uses form login, sessions in the database, CSRF tokens on every
 * form and a Content-Security-Policy that allows no inline script or style. Which page or endpoint a
 * signed-in person may use is decided by the permission service, in the services and here for actuator.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    static final String LAST_EMAIL_ATTRIBUTE = "koban.login.email";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: new hashes use bcrypt today and stay readable if the default changes later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http, JdbcApiTokens tokens, UserRecords users, ActorLookup actors, Permissions permissions)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> problem(
                response,
                HttpStatus.UNAUTHORIZED,
                "Authentication required",
                e.getMessage() == null ? "Send Authorization: Bearer <API token>" : e.getMessage());
        AccessDeniedHandler forbidden =
                (request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
        AuthorizationManager<RequestAuthorizationContext> metrics =
                (Supplier<? extends Authentication> auth, RequestAuthorizationContext context) ->
                        new AuthorizationDecision(actors.resolve(context.getRequest(), auth.get())
                                .map(actor -> permissions.can(actor, Action.METRICS_VIEW))
                                .orElse(false));
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // Reporters have no account: anonymous submission is the point of this endpoint
                        // (rate-limited and size-limited by the intake module).
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .access(metrics)
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, users, unauthorized), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies are accepted here, so there is nothing to forge
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        AuthenticationFailureHandler failure = (request, response, e) -> {
            String email = request.getParameter("email");
            if (email != null && email.length() <= 254) {
                request.getSession().setAttribute(LAST_EMAIL_ATTRIBUTE, email);
            }
            throttle.recordAddressFailure(request.getRemoteAddr());
            // A locked account gets the same answer as a wrong password, so that nobody can learn which
            // accounts exist by locking them.
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(
                                "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        // Public pages for people without an account: the report form, the capability-protected
                        // tracking page, invitations (their link is the credential), security.txt, and the
                        // published advisories (pages, feeds, the CSAF provider directory). CSRF stays on for forms.
                        .requestMatchers(
                                "/report",
                                "/track/**",
                                "/invitations/**",
                                "/.well-known/security.txt",
                                "/.well-known/csaf",
                                "/.well-known/csaf/**",
                                "/security/advisories",
                                "/security/advisories/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failure)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(throttle.addressFilter(), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(JSON.writeValueAsString(
                        Map.of("type", "about:blank", "title", title, "status", status.value(), "detail", detail)));
    }
}
