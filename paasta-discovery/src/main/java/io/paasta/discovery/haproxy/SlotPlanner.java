package io.paasta.discovery.haproxy;

import io.paasta.discovery.haproxy.RuntimeCommand.AdminState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides (purely) which runtime commands turn the running slot assignment of each backend into the
 * wanted endpoints: endpoints already in a slot stay there (a draining one keeps draining), slots
 * of endpoints no longer wanted are put in maintenance (freed), and new endpoints go into free
 * slots, lowest first, made ready and healthy at once. Slots that were free before this plan are
 * used before slots it frees.
 */
public final class SlotPlanner {
  private SlotPlanner() {}

  /**
   * @param running slots by backend, as HAProxy reports them
   * @param wanted endpoints by backend; backends missing here are left alone
   */
  public static SlotPlan plan(
      Map<String, List<ServerSlot>> running, Map<String, List<Target>> wanted) {
    List<RuntimeCommand> commands = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    wanted.forEach(
        (backend, targets) -> {
          List<ServerSlot> slots = running.get(backend);
          if (slots != null) {
            planBackend(backend, slots, targets, commands, problems);
          }
        });
    return new SlotPlan(commands, problems);
  }

  /** Slots a backend needs: its current count (or the initial one), doubled until all fit. */
  public static int slotsNeeded(int current, int wantedEndpoints, int initial) {
    int slots = current > 0 ? current : initial;
    while (slots < wantedEndpoints) {
      slots *= 2;
    }
    return slots;
  }

  private static void planBackend(
      String backend,
      List<ServerSlot> slots,
      List<Target> targets,
      List<RuntimeCommand> commands,
      List<String> problems) {
    Map<String, Target> unplaced = new LinkedHashMap<>();
    targets.forEach(t -> unplaced.putIfAbsent(t.key(), t));
    Deque<ServerSlot> free = new ArrayDeque<>();
    List<ServerSlot> freedNow = new ArrayList<>();
    for (ServerSlot slot : slots) {
      if (slot.free()) {
        free.add(slot);
        continue;
      }
      Target target = unplaced.remove(slot.target());
      if (target == null) {
        commands.add(new RuntimeCommand.SetState(backend, slot.name(), AdminState.MAINT));
        freedNow.add(slot);
      } else if (target.weight() != slot.weight()) {
        commands.add(new RuntimeCommand.SetWeight(backend, slot.name(), target.weight()));
      }
    }
    free.addAll(freedNow);
    List<Target> toPlace = new ArrayList<>(unplaced.values());
    for (int i = 0; i < toPlace.size(); i++) {
      ServerSlot slot = free.poll();
      if (slot == null) {
        problems.add(
            String.format(
                "%s: %d endpoint(s) not routed: all %d server slots are in use",
                backend, toPlace.size() - i, slots.size()));
        return;
      }
      place(backend, slot, toPlace.get(i), commands);
    }
  }

  private static void place(
      String backend, ServerSlot slot, Target target, List<RuntimeCommand> commands) {
    commands.add(
        new RuntimeCommand.SetAddress(backend, slot.name(), target.address(), target.port()));
    if (target.weight() != slot.weight()) {
      commands.add(new RuntimeCommand.SetWeight(backend, slot.name(), target.weight()));
    }
    commands.add(new RuntimeCommand.SetState(backend, slot.name(), AdminState.READY));
    commands.add(new RuntimeCommand.SetHealthUp(backend, slot.name()));
  }
}
