package dev.lagotto.core.rule;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** An ordered set of rules with unique ids. Immutable and thread-safe. */
public final class RulePack {
  private final Map<String, Rule> byId;

  public RulePack(Collection<Rule> rules) {
    Map<String, Rule> map = new LinkedHashMap<>();
    for (Rule r : rules) {
      Rule previous = map.putIfAbsent(r.id(), r);
      if (previous != null) {
        throw new IllegalArgumentException(
            "duplicate rule id '" + r.id() + "' in " + r.origin() + " and " + previous.origin());
      }
    }
    this.byId = java.util.Collections.unmodifiableMap(map);
  }

  /** The rules in load order. */
  public List<Rule> rules() {
    return List.copyOf(byId.values());
  }

  public Optional<Rule> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public int size() {
    return byId.size();
  }

  /** This pack with {@code other}'s rules added; a rule of {@code other} replaces one with the same id. */
  public RulePack with(RulePack other) {
    Map<String, Rule> map = new LinkedHashMap<>(byId);
    other.byId.values().forEach(r -> map.put(r.id(), r));
    return new RulePack(map.values());
  }

  /** The rules that {@code keep} accepts. */
  public RulePack filter(Predicate<Rule> keep) {
    return new RulePack(byId.values().stream().filter(keep).toList());
  }

  /** The rules of the given categories. */
  public RulePack only(Set<Category> categories) {
    return filter(r -> categories.contains(r.category()));
  }
}
