package dev.aiapiserver.auth;

/**
 * A SubjectAccessReview's answer.
 *
 * @param reason why, as the authorizer put it (RBAC gives one for an allow, often none for a deny)
 */
public record AccessDecision(boolean allowed, String reason) {}
