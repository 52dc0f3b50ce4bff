package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.RelatedObject;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * PersistentVolumeClaimPending: a pod of the workload is Pending and names a claim that is not
 * bound (Pending or Lost) or does not exist. The scheduler says only "pod has unbound immediate
 * PersistentVolumeClaims"; the cause is the claim, its StorageClass and what the provisioner
 * complained of (the newest Warning event about the claim, e.g. the PV controller's
 * {@code ProvisioningFailed: storageclass.storage.k8s.io "fast" not found}), or, without a
 * complaint, the external provisioner the claim waits for (its
 * {@code volume.kubernetes.io/storage-provisioner} annotation).
 */
final class ClaimRules {
  static final String PROVISIONER = "volume.kubernetes.io/storage-provisioner";
  static final String BETA_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";
  static final String KIND = "PersistentVolumeClaim";

  private ClaimRules() {}

  /** A claim some pending pod waits for: the cause, and the claim as a related object. */
  record Waiting(Cause cause, RelatedObject claim) {}

  static List<Waiting> judge(WorkloadInputs in, Redaction redaction) {
    Map<String, String> waitedForBy = new TreeMap<>(); // claim name -> first pod waiting for it, by claim name
    for (Pod pod : in.pods()) {
      if (!"Pending".equals(PodDiagnosis.phase(pod)) || pod.getMetadata().getDeletionTimestamp() != null
          || pod.getSpec() == null || pod.getSpec().getVolumes() == null) {
        continue;
      }
      for (Volume v : pod.getSpec().getVolumes()) {
        if (v.getPersistentVolumeClaim() != null && v.getPersistentVolumeClaim().getClaimName() != null) {
          waitedForBy.putIfAbsent(v.getPersistentVolumeClaim().getClaimName(), pod.getMetadata().getName());
        }
      }
    }
    List<Waiting> waiting = new ArrayList<>();
    waitedForBy.keySet().forEach(claimName -> {
      PersistentVolumeClaim claim = in.related().claims().stream()
          .filter(c -> claimName.equals(c.getMetadata().getName())).findFirst().orElse(null);
      String phase = claim == null ? "NotFound"
          : claim.getStatus() == null || claim.getStatus().getPhase() == null ? "Pending" : claim.getStatus().getPhase();
      if ("Bound".equals(phase)) {
        return;
      }
      Event complaint = claim == null ? null : newestWarning(claim, in.events());
      String since = complaint != null ? Rfc3339.format(EventDigest.lastSeen(complaint))
          : claim == null ? null : Rfc3339.normalize(claim.getMetadata().getCreationTimestamp());
      String detail = claim == null ? "claim " + claimName + " does not exist"
          : "claim " + claimName + " (" + storageClass(claim) + ") " + phase + ": " + why(claim, phase, complaint);
      waiting.add(new Waiting(
          new Cause(Reason.PersistentVolumeClaimPending, redaction.clean(detail, FreeText.ITEM), false, since),
          new RelatedObject(KIND, claimName, phase, redaction.clean(evidence(claim, phase, complaint), FreeText.ITEM))));
    });
    return waiting;
  }

  /** E.g. "StorageClass gp3, provisioner ebs.csi.aws.com: waiting for the external provisioner ...". */
  static String evidence(PersistentVolumeClaim claim, String phase, Event complaint) {
    if (claim == null) {
      return "the claim does not exist";
    }
    String provisioner = provisioner(claim);
    return storageClass(claim) + (provisioner == null ? "" : ", provisioner " + provisioner) + ": "
        + why(claim, phase, complaint);
  }

  private static String storageClass(PersistentVolumeClaim claim) {
    String storageClass = claim.getSpec() == null ? null : claim.getSpec().getStorageClassName();
    return storageClass == null ? "the default StorageClass"
        : storageClass.isEmpty() ? "no StorageClass" : "StorageClass " + storageClass;
  }

  /** The provisioner's complaint, else what the claim waits for. */
  private static String why(PersistentVolumeClaim claim, String phase, Event complaint) {
    String provisioner = provisioner(claim);
    if (complaint != null) {
      return complaint.getReason() + ": " + complaint.getMessage();
    } else if ("Lost".equals(phase)) {
      return "its PersistentVolume is gone";
    } else if (provisioner != null) {
      return "waiting for the external provisioner " + provisioner + " to create a volume";
    }
    return "no PersistentVolume matches it and nothing provisions one";
  }

  private static String provisioner(PersistentVolumeClaim claim) {
    Map<String, String> a = claim.getMetadata().getAnnotations();
    if (a == null) {
      return null;
    }
    return a.getOrDefault(PROVISIONER, a.get(BETA_PROVISIONER));
  }

  static Event newestWarning(PersistentVolumeClaim claim, List<Event> events) {
    return events.stream()
        .filter(e -> e.getInvolvedObject() != null && KIND.equals(e.getInvolvedObject().getKind())
            && Objects.equals(claim.getMetadata().getName(), e.getInvolvedObject().getName())
            && (e.getInvolvedObject().getUid() == null || claim.getMetadata().getUid() == null
                || e.getInvolvedObject().getUid().equals(claim.getMetadata().getUid())))
        .max(Comparator.comparing(EventDigest::lastSeen).thenComparing(e -> String.valueOf(e.getMessage())))
        .orElse(null);
  }
}
