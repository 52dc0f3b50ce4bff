package dev.aiapiserver.views;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * QuotaExceeded and AdmissionWebhookDenied: a FailedCreate (a controller could not create pods)
 * whose message says that a ResourceQuota or an admission webhook refused them. The message is
 * kube-apiserver's, quoted by the controller: {@code exceeded quota: compute, requested: ...,
 * used: ..., limited: ...} and {@code failed quota: compute: must specify limits.cpu for: app}
 * from the quota admission plugin; {@code admission webhook "x.example.com" denied the request:
 * ...} and {@code failed calling webhook "x.example.com": ...} from the webhook dispatcher. The
 * refined cause names the quota or webhook and comes before FailedCreate, which stays as the
 * symptom.
 */
final class AdmissionRules {
  private static final Pattern EXCEEDED_QUOTA = Pattern.compile("exceeded quota: ([^,\\s]+), (requested: .*)");
  private static final Pattern FAILED_QUOTA = Pattern.compile("failed quota: ([^:\\s]+): (.*)");
  private static final Pattern WEBHOOK_DENIED = Pattern.compile("admission webhook \"([^\"]+)\" denied the request:?\\s*(.*)");
  private static final Pattern WEBHOOK_FAILED = Pattern.compile("failed calling webhook \"([^\"]+)\":?\\s*(.*)");

  private AdmissionRules() {}

  /**
   * The cause behind a FailedCreate among these, if any. A cause's detail is clipped (head … tail),
   * which may cut the quota's or webhook's name out of the middle of a long message, so the
   * controllers' own words are read whole: the FailedCreate Warning events of the workload and its
   * ReplicaSets or Jobs, then the ReplicaSets' ReplicaFailure conditions, newest event first.
   */
  static List<Cause> behind(List<Cause> causes, WorkloadInputs in, Redaction redaction) {
    Cause failed = causes.stream().filter(c -> c.reason() == Reason.FailedCreate).findFirst().orElse(null);
    if (failed == null) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    in.events().stream().filter(e -> "FailedCreate".equals(e.getReason()) && e.getMessage() != null)
        .sorted(java.util.Comparator.comparing(EventDigest::lastSeen).reversed())
        .forEach(e -> messages.add(e.getMessage()));
    in.replicaSets().stream().map(ReplicaSetView::replicaFailure).flatMap(java.util.Optional::stream)
        .forEach(c -> messages.add(c.getMessage()));
    if (in.workload() instanceof io.fabric8.kubernetes.api.model.apps.ReplicaSet rs) {
      ReplicaSetView.replicaFailure(rs).ifPresent(c -> messages.add(c.getMessage()));
    }
    if (failed.detail() != null) {
      messages.add(failed.detail());
    }
    for (String m : messages) {
      Cause behind = m == null ? null : refine(m, failed.since());
      if (behind != null) {
        return List.of(new Cause(behind.reason(), redaction.clean(behind.detail(), FreeText.ITEM), false,
            behind.since()));
      }
    }
    return List.of();
  }

  private static Cause refine(String m, String since) {
    Cause failed = new Cause(Reason.FailedCreate, m, false, since);
    Matcher q = EXCEEDED_QUOTA.matcher(m);
    if (q.find()) {
      return new Cause(Reason.QuotaExceeded, "quota " + q.group(1) + " exceeded: " + q.group(2), false,
          failed.since());
    }
    Matcher f = FAILED_QUOTA.matcher(m);
    if (f.find()) {
      return new Cause(Reason.QuotaExceeded, "quota " + f.group(1) + ": " + f.group(2), false, failed.since());
    }
    Matcher d = WEBHOOK_DENIED.matcher(m);
    if (d.find()) {
      return new Cause(Reason.AdmissionWebhookDenied, "admission webhook " + d.group(1) + " denied the pods"
          + (d.group(2).isEmpty() ? "" : ": " + d.group(2)), false, failed.since());
    }
    Matcher w = WEBHOOK_FAILED.matcher(m);
    if (w.find()) {
      return new Cause(Reason.AdmissionWebhookDenied, "admission webhook " + w.group(1) + " could not be called"
          + (w.group(2).isEmpty() ? "" : ": " + w.group(2)), false, failed.since());
    }
    return null;
  }
}
