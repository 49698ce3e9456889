package io.paasta.deploy.git;

import io.paasta.model.DesiredState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paasta tags of a repository, indexed for the questions deploys ask: what a deploy group runs,
 * what it ran before, and what an instance's control tags say. Other tags are ignored.
 */
public final class TagIndex {
  /** Newest first; ties (same second) broken by sha so the answer is stable. */
  private static final Comparator<PaastaTag> NEWEST_FIRST =
      Comparator.comparing(PaastaTag::timestamp).thenComparing(PaastaTag::sha).reversed();

  private final Map<String, List<PaastaTag.Deploy>> deploysByGroup = new HashMap<>();
  private final Map<String, List<PaastaTag.Control>> controlsByInstance = new HashMap<>();

  public TagIndex(List<TagRef> tags) {
    for (TagRef tag : tags) {
      PaastaTag.parse(tag.name(), tag.sha())
          .ifPresent(
              parsed -> {
                if (parsed instanceof PaastaTag.Deploy deploy) {
                  deploysByGroup
                      .computeIfAbsent(deploy.deployGroup(), g -> new ArrayList<>())
                      .add(deploy);
                } else if (parsed instanceof PaastaTag.Control control) {
                  controlsByInstance
                      .computeIfAbsent(control.clusterInstance(), i -> new ArrayList<>())
                      .add(control);
                }
              });
    }
    deploysByGroup.values().forEach(list -> list.sort(NEWEST_FIRST));
    controlsByInstance.values().forEach(list -> list.sort(NEWEST_FIRST));
  }

  /** The newest deploy tag of a group: what the group runs. */
  public Optional<PaastaTag.Deploy> latestDeploy(String deployGroup) {
    List<PaastaTag.Deploy> deploys = deploysByGroup.getOrDefault(deployGroup, List.of());
    return deploys.isEmpty() ? Optional.empty() : Optional.of(deploys.get(0));
  }

  /** The shas a group has run, newest first, each once (for rollback). */
  public List<PaastaTag.Deploy> deployHistory(String deployGroup) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    List<PaastaTag.Deploy> history = new ArrayList<>();
    for (PaastaTag.Deploy deploy : deploysByGroup.getOrDefault(deployGroup, List.of())) {
      if (seen.add(deploy.sha())) {
        history.add(deploy);
      }
    }
    return history;
  }

  /**
   * The control tag that decides {@code cluster.instance}'s state: the newest one on the deployed
   * sha. Empty means "start, no forced bounce".
   */
  public Optional<PaastaTag.Control> control(String clusterInstance, String deployedSha) {
    return controlsByInstance.getOrDefault(clusterInstance, List.of()).stream()
        .filter(c -> c.sha().equals(deployedSha))
        .findFirst();
  }

  /** The desired state decided by {@link #control}. */
  public DesiredState desiredState(String clusterInstance, String deployedSha) {
    return control(clusterInstance, deployedSha)
        .map(PaastaTag.Control::state)
        .orElse(DesiredState.START);
  }

  public int deployGroupCount() {
    return deploysByGroup.size();
  }
}
