package dev.aiapiserver.demo;

import java.nio.file.Path;

/** What the demo prints once it is ready: where things are and the commands to try. */
final class DemoWelcome {
  private DemoWelcome() {}

  static String text(String endpoint, String views, Path kubeconfig, boolean mcp) {
    String mcpDoor = !mcp ? "" : """
        MCP (Streamable HTTP), with the token of either user:
          %s/apis/ai.k8s.io/v1alpha1/mcpservers/views/proxy

        """.formatted(endpoint);
    return """

        ai-apiserver demo is ready.
          cluster endpoint (kubeconfig server):  %1$s
          ai.k8s.io server, directly:            %2$s
          kubeconfig:                            %3$s

        As admin (the current context; may do anything):
          export KUBECONFIG=%3$s
          kubectl get wls -A                       # one line per workload: verdict, reason, restarts
          kubectl get wls -A -o wide               # ... with images and the one-sentence message
          kubectl get cctx current -o yaml         # the cluster at a glance
          kubectl get wls deployment.checkout -n shop -o yaml
          kubectl get --raw /apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/deployment.orders/evidence
                                                   # why: the failing logs, the rollout's revisions, full events
          kubectl get pods -n shop                 # the same cluster, native resources
          kubectl explain wls.health
          kubectl get wls -A -w                    # pods change state every few seconds
          kubectl get rolebindings -A              # the demo's RBAC policy
          kubectl apply -f your-deployment.yaml    # the cluster is writable: plant a failure
                                                   # (docs/quickstart.md, "Plant a failure")

        As agent (may read only the namespace shop):
          kubectl --context demo-agent get wls -n shop
          kubectl --context demo-agent get wls -n payments    # Forbidden
          kubectl --context demo-agent get wls -A             # Forbidden
          kubectl --context demo-agent get --raw /apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/deployment.orders/evidence
                                                              # logs withheld: no get on pods/log

        %4$sStop with Ctrl-C.
        """.formatted(endpoint, views, kubeconfig, mcpDoor);
  }
}
