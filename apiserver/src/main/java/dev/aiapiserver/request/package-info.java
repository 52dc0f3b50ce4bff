/**
 * What every filter and handler needs to know about a request, below both {@code auth} and
 * {@code http} (as k8s.io/apiserver keeps request info, the user and status errors in packages every
 * filter imports): who is asking ({@link dev.aiapiserver.request.UserInfo}), what it asks for
 * ({@link dev.aiapiserver.request.RequestAttributes}), how a refusal is written (a metav1.Status,
 * {@link dev.aiapiserver.request.StatusReplies}), the JSON codec
 * ({@link dev.aiapiserver.request.Json}), and the bounded log for client errors
 * ({@link dev.aiapiserver.request.ClientErrorLog}). It imports neither {@code auth} nor
 * {@code http}; both import it, and nothing imports back up.
 */
package dev.aiapiserver.request;
