package io.paasta.planning.autoscaling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An instance's {@code autoscaling:} dict (SPEC section 11, the Marathon-era form) with PaaSTA's
 * defaults applied: provider {@code cpu}, policy {@code proportional}, setpoint 0.8, offset 0,
 * forecast {@code current}, moving average over 1800 s.
 *
 * @param endpoint the path the http and uwsgi providers GET (without a leading slash)
 * @param goodEnoughWindow [low, high] of utilization in which proportional keeps the count
 * @param linregWindow the data linreg fits (PaaSTA's {@code linreg_window_seconds})
 * @param linregExtrapolation how far ahead linreg predicts (PaaSTA's {@code
 *     linreg_extrapolation_seconds}); the largest prediction wins
 */
public record AutoscalingParams(
    MetricsProvider provider,
    String endpoint,
    DecisionPolicy policy,
    double setpoint,
    double offset,
    ForecastPolicy forecast,
    Duration movingAverageWindow,
    Optional<double[]> goodEnoughWindow,
    Duration linregWindow,
    List<Duration> linregExtrapolation) {

  public static final double DEFAULT_SETPOINT = 0.8;
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1800);

  /** Where utilization comes from. */
  public enum MetricsProvider {
    CPU("cpu", ""),
    HTTP("http", "status"),
    UWSGI("uwsgi", "status/uwsgi");

    private final String wireName;
    private final String defaultEndpoint;

    MetricsProvider(String wireName, String defaultEndpoint) {
      this.wireName = wireName;
      this.defaultEndpoint = defaultEndpoint;
    }

    public String wireName() {
      return wireName;
    }
  }

  /** How the count follows utilization. */
  public enum DecisionPolicy {
    PROPORTIONAL,
    THRESHOLD,
    /** Set only from outside ({@code paasta autoscale --set}, the API); never decided here. */
    BESPOKE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How proportional predicts the load from its history. */
  public enum ForecastPolicy {
    CURRENT,
    MOVING_AVERAGE,
    LINREG;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public AutoscalingParams {
    goodEnoughWindow = goodEnoughWindow.map(double[]::clone);
    linregExtrapolation = List.copyOf(linregExtrapolation);
  }

  /** The low end of the good-enough window, if any. */
  public Optional<Double> goodEnoughLow() {
    return goodEnoughWindow.map(w -> w[0]);
  }

  /** The high end of the good-enough window, if any. */
  public Optional<Double> goodEnoughHigh() {
    return goodEnoughWindow.map(w -> w[1]);
  }

  /** How much history proportional needs to keep: the longest window it may look at. */
  public Duration historyToKeep() {
    return movingAverageWindow.compareTo(linregWindow) > 0 ? movingAverageWindow : linregWindow;
  }

  /**
   * Reads the dict; every wrong value is named in the exception's message ({@code
   * autoscaling.setpoint: ...}), all of them at once.
   *
   * @throws IllegalArgumentException when a value is not what PaaSTA takes
   */
  public static AutoscalingParams from(Map<String, Object> dict) {
    dict = firstOfToday(dict);
    List<String> problems = new ArrayList<>();
    Reader r = new Reader(dict, problems);
    MetricsProvider provider = r.provider();
    String endpoint = r.string("endpoint", provider.defaultEndpoint);
    DecisionPolicy policy = r.choice("decision_policy", DecisionPolicy.PROPORTIONAL);
    double setpoint = r.number("setpoint", DEFAULT_SETPOINT);
    if (!(setpoint > 0 && setpoint <= 1)) {
      problems.add("autoscaling.setpoint: " + setpoint + " is not in (0, 1]");
    }
    double offset = r.number("offset", 0.0);
    if (!(offset >= 0 && offset < setpoint)) {
      problems.add("autoscaling.offset: " + offset + " is not in [0, setpoint)");
    }
    ForecastPolicy forecast = r.choice("forecast_policy", ForecastPolicy.CURRENT);
    Duration window = r.seconds("moving_average_window_seconds", DEFAULT_WINDOW);
    Duration linregWindow = r.seconds("linreg_window_seconds", DEFAULT_WINDOW);
    List<Duration> extrapolation = r.extrapolation();
    Optional<double[]> goodEnough = r.window();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new AutoscalingParams(
        provider,
        endpoint.startsWith("/") ? endpoint.substring(1) : endpoint,
        policy,
        setpoint,
        offset,
        forecast,
        window,
        goodEnough,
        linregWindow,
        extrapolation);
  }

  /**
   * Today's form ({@code metrics_providers: [{type, setpoint, ...}]}) read as the Marathon-era one:
   * the first entry's type is the provider, its keys win; the dict as it is otherwise.
   */
  private static Map<String, Object> firstOfToday(Map<String, Object> dict) {
    if (dict.containsKey("metrics_provider")
        || !(dict.get("metrics_providers") instanceof List<?> list)
        || list.isEmpty()
        || !(list.get(0) instanceof Map<?, ?> first)) {
      return dict;
    }
    Map<String, Object> merged = new java.util.HashMap<>(dict);
    merged.remove("metrics_providers");
    first.forEach(
        (key, value) ->
            merged.put(
                String.valueOf(key).equals("type") ? "metrics_provider" : String.valueOf(key),
                value));
    return merged;
  }

  /** Reads one dict, collecting problems. */
  private record Reader(Map<String, Object> dict, List<String> problems) {
    MetricsProvider provider() {
      Object value = dict.get("metrics_provider");
      if (value == null) {
        return MetricsProvider.CPU;
      }
      String name = String.valueOf(value).toLowerCase(Locale.ROOT);
      if (name.equals("mesos_cpu")) {
        return MetricsProvider.CPU;
      }
      for (MetricsProvider p : MetricsProvider.values()) {
        if (p.wireName.equals(name)) {
          return p;
        }
      }
      problems.add(
          "autoscaling.metrics_provider: '" + value + "' is not cpu, mesos_cpu, http or uwsgi");
      return MetricsProvider.CPU;
    }

    String string(String key, String fallback) {
      Object value = dict.get(key);
      if (value == null) {
        return fallback;
      }
      if (!(value instanceof String s)) {
        problems.add("autoscaling." + key + ": " + value + " is not a string");
        return fallback;
      }
      return s;
    }

    <E extends Enum<E>> E choice(String key, E fallback) {
      Object value = dict.get(key);
      if (value == null) {
        return fallback;
      }
      for (E e : fallback.getDeclaringClass().getEnumConstants()) {
        if (e.name().equalsIgnoreCase(String.valueOf(value))) {
          return e;
        }
      }
      List<String> names =
          java.util.Arrays.stream(fallback.getDeclaringClass().getEnumConstants())
              .map(e -> e.name().toLowerCase(Locale.ROOT))
              .toList();
      problems.add("autoscaling." + key + ": '" + value + "' is not one of " + names);
      return fallback;
    }

    double number(String key, double fallback) {
      Object value = dict.get(key);
      if (value == null) {
        return fallback;
      }
      if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        problems.add("autoscaling." + key + ": " + value + " is not a number");
        return fallback;
      }
      return n.doubleValue();
    }

    Duration seconds(String key, Duration fallback) {
      double s = number(key, fallback.toMillis() / 1000.0);
      if (!(s > 0)) {
        problems.add("autoscaling." + key + ": " + s + " is not a number of seconds > 0");
        return fallback;
      }
      return Duration.ofMillis(Math.round(s * 1000));
    }

    List<Duration> extrapolation() {
      Object value = dict.get("linreg_extrapolation_seconds");
      List<?> items = value instanceof List<?> l ? l : value == null ? List.of(0) : List.of(value);
      List<Duration> out = new ArrayList<>();
      for (Object item : items) {
        if (!(item instanceof Number n) || !(n.doubleValue() >= 0)) {
          problems.add(
              "autoscaling.linreg_extrapolation_seconds: "
                  + value
                  + " is not a number of seconds >= 0 (or a list of them)");
          return List.of(Duration.ZERO);
        }
        out.add(Duration.ofMillis(Math.round(n.doubleValue() * 1000)));
      }
      return out.isEmpty() ? List.of(Duration.ZERO) : out;
    }

    Optional<double[]> window() {
      Object value = dict.get("good_enough_window");
      if (value == null) {
        return Optional.empty();
      }
      if (value instanceof List<?> l
          && l.size() == 2
          && l.get(0) instanceof Number low
          && l.get(1) instanceof Number high
          && low.doubleValue() <= high.doubleValue()) {
        return Optional.of(new double[] {low.doubleValue(), high.doubleValue()});
      }
      problems.add(
          "autoscaling.good_enough_window: " + value + " is not [low, high] with low <= high");
      return Optional.empty();
    }
  }
}
