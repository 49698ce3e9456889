package io.paasta.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands of {@code paasta} by name, in the order the usage lists them. A command's class is
 * given by name and turned into a picocli model only when the command line runs that command: the
 * others are listed from their {@code @Command} annotation alone, so start-up does the work of one
 * command, not of all of them.
 */
public final class CommandRegistry {
  private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  private final Map<String, String> classNames;

  /**
   * @param classNames command name to the class of its {@code @Command}, in usage order
   */
  public CommandRegistry(Map<String, String> classNames) {
    this.classNames = new LinkedHashMap<>(classNames);
  }

  /** Every command of the CLI. */
  public static CommandRegistry standard() {
    Map<String, String> commands = new LinkedHashMap<>();
    String p = "io.paasta.cli.commands.";
    commands.put("validate", p + "ValidateCommand");
    commands.put("list", p + "ListCommand");
    commands.put("list-clusters", p + "ListClustersCommand");
    commands.put("system-config", p + "SystemConfigCommand");
    commands.put("info", p + "InfoCommand");
    commands.put("status", p + "StatusCommand");
    commands.put("metastatus", p + "MetastatusCommand");
    commands.put("logs", p + "LogsCommand");
    commands.put("cook-image", p + "CookImageCommand");
    commands.put("itest", p + "ItestCommand");
    commands.put("push-to-registry", p + "PushToRegistryCommand");
    commands.put("mark-for-deployment", p + "MarkForDeploymentCommand");
    commands.put("wait-for-deployment", p + "WaitForDeploymentCommand");
    commands.put("start", p + "InstanceStateCommands$Start");
    commands.put("stop", p + "InstanceStateCommands$Stop");
    commands.put("restart", p + "InstanceStateCommands$Restart");
    commands.put("emergency-start", p + "EmergencyCommands$Start");
    commands.put("emergency-stop", p + "EmergencyCommands$Stop");
    commands.put("emergency-restart", p + "EmergencyCommands$Restart");
    commands.put("remote-run", p + "RemoteRunCommand");
    commands.put("rerun", p + "RerunCommand");
    commands.put("autoscale", p + "AutoscaleCommand");
    commands.put("pause_service_autoscaler", p + "PauseServiceAutoscalerCommand");
    commands.put("rollback", p + "RollbackCommand");
    commands.put("get-latest-deployment", p + "GetLatestDeploymentCommand");
    commands.put("generate-deployments", p + "GenerateDeploymentsCommand");
    commands.put("server", p + "DaemonCommands$Server");
    commands.put("plan", p + "DaemonCommands$Plan");
    commands.put("render", p + "RenderCommand");
    commands.put("pipeline", p + "PipelineCommand");
    commands.put("generate-pipeline", p + "GeneratePipelineCommand");
    commands.put("local-run", p + "LocalRunCommand");
    commands.put("check", p + "CheckCommand");
    commands.put("secret", p + "SecretCommand");
    commands.put("fsm", p + "FsmCommand");
    commands.put("completion", p + "CompletionCommand");
    return new CommandRegistry(commands);
  }

  public Set<String> names() {
    return classNames.keySet();
  }

  /**
   * The command line for these arguments: the command they name is complete, every other command is
   * a name and a description (enough for the usage, for suggestions and for errors), or only a name
   * when the arguments start with the command (the root's usage is not printed then). Argument
   * files ({@code @file}, which picocli expands) get every command complete.
   */
  public CommandLine commandLineFor(String... args) {
    String first = firstAfterRootOptions(args);
    if (first != null && first.startsWith("@")) {
      return fullCommandLine();
    }
    String wanted = classNames.containsKey(first) ? first : null;
    // The root's usage lists the commands' descriptions; it is printed only when no command comes
    // first (a root option such as -h may precede one): otherwise the others need a name only.
    boolean rootUsageUnused = wanted != null && wanted.equals(args[0]);
    CommandLine root = new CommandLine(new PaastaCommand(this));
    classNames.forEach(
        (name, className) ->
            root.addSubcommand(
                name,
                name.equals(wanted)
                    ? commandClass(className)
                    : rootUsageUnused ? nameOnly(name) : placeholder(name, className)));
    return configure(root);
  }

  /** The command line with every command complete (for completion scripts). */
  public CommandLine fullCommandLine() {
    CommandLine root = new CommandLine(new PaastaCommand(this));
    classNames.forEach((name, className) -> root.addSubcommand(name, commandClass(className)));
    return configure(root);
  }

  /** The first argument after the root's own options (the command, when it names one). */
  static String firstAfterRootOptions(String... args) {
    for (String arg : args) {
      if (!ROOT_OPTIONS.contains(arg)) {
        return arg;
      }
    }
    return null;
  }

  private static CommandLine configure(CommandLine commandLine) {
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /** A command known by its name alone: its class is not even loaded. */
  private static CommandSpec nameOnly(String name) {
    return CommandSpec.create().name(name);
  }

  private static CommandSpec placeholder(String name, String className) {
    Command command = commandClass(className).getAnnotation(Command.class);
    CommandSpec spec = CommandSpec.create().name(name);
    spec.usageMessage()
        .description(command.description())
        .header(command.header())
        .hidden(command.hidden());
    return spec;
  }

  private static Class<?> commandClass(String className) {
    try {
      return Class.forName(className, false, CommandRegistry.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "command class " + className + " is not on the class path", e);
    }
  }
}
