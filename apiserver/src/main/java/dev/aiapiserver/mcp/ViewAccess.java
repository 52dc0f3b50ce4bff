package dev.aiapiserver.mcp;

import dev.aiapiserver.auth.AccessDecision;
import dev.aiapiserver.auth.Authorizer;
import dev.aiapiserver.auth.Forbidden;
import dev.aiapiserver.auth.RequestAttributes;
import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.resources.ResourceType;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Authorization of a tool call, before any data is read: a SubjectAccessReview (cached, like every
 * request's) for the caller on the view the tool reads, exactly as if they had asked the REST API.
 * A denial is a tool error in kube-apiserver's words, never data; a review that cannot be
 * completed is a tool error too (fail closed), so the model can retry.
 */
final class ViewAccess {
  private static final Logger LOG = LoggerFactory.getLogger(ViewAccess.class);

  private final Authorizer authorizer;

  ViewAccess(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  /** The question for verb on resource (namespace "" = cluster scope, name "" = all). */
  static RequestAttributes asking(String verb, String resource, String namespace, String name) {
    return asking(verb, resource, "", namespace, name);
  }

  /** The same for a subresource, e.g. get workloadsummaries/evidence. */
  static RequestAttributes asking(String verb, String resource, String subresource, String namespace, String name) {
    String path = "/apis/" + ResourceType.GROUP_VERSION + (namespace.isEmpty() ? "" : "/namespaces/" + namespace)
        + "/" + resource + (name.isEmpty() ? "" : "/" + name) + (subresource.isEmpty() ? "" : "/" + subresource);
    return new RequestAttributes(true, verb, ResourceType.GROUP, ResourceType.VERSION, resource, subresource,
        namespace, name, path);
  }

  /** Runs read once the caller is allowed; otherwise answers a tool error and reads nothing. */
  Mono<CallToolResult> authorized(UserInfo user, RequestAttributes asked, Supplier<CallToolResult> read) {
    return authorizedThen(user, asked, () -> Mono.fromSupplier(read));
  }

  /** Like {@link #authorized}, for a read that completes later (e.g. evidence, which reads logs). */
  Mono<CallToolResult> authorizedThen(UserInfo user, RequestAttributes asked, Supplier<Mono<CallToolResult>> read) {
    return decision(user, asked)
        .flatMap(d -> d.allowed() ? read.get() : Mono.just(ToolResults.error(denial(user, asked, d.reason()))))
        .onErrorResume(Unavailable.class, e -> {
          LOG.warn("event=mcp_authorization_unavailable user=\"{}\" verb={} resource={} namespace={} reason=\"{}\"",
              LogText.clean(user.name()), asked.verb(), asked.resource(), asked.namespace(),
              LogText.clean(String.valueOf(e.getCause())));
          return Mono.just(ToolResults.error("authorization is unavailable: the SubjectAccessReview for this call"
              + " could not be completed; try again in a moment"));
        });
  }

  /** Whether the caller may do what asked describes; a review that cannot be completed counts as no. */
  Mono<Boolean> allows(UserInfo user, RequestAttributes asked) {
    return decision(user, asked).map(AccessDecision::allowed).onErrorReturn(false);
  }

  private Mono<AccessDecision> decision(UserInfo user, RequestAttributes asked) {
    return Mono.defer(() -> Mono.fromCompletionStage(authorizer.check(user, asked).toCompletionStage()))
        .onErrorMap(Unavailable::new);
  }

  static String denial(UserInfo user, RequestAttributes asked, String reason) {
    String message = Forbidden.status(user, asked, reason).message();
    if (asked.namespace().isEmpty() && asked.name().isEmpty()) {
      // The likely way forward for an agent confined to some namespaces.
      return message + ". Pass a namespace you may read.";
    }
    return message;
  }

  private static final class Unavailable extends RuntimeException {
    Unavailable(Throwable cause) {
      super(cause);
    }
  }
}
