package io.paasta.cli;

import io.paasta.config.ConfigException;
import io.paasta.deploy.DeployException;
import io.paasta.engine.EngineException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and exit code 1; a stack trace only for bugs, and
 * only with PAASTA_DEBUG set.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int EXIT_FAILURE = 1;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    String prefix = commandLine.getColorScheme().errorText("error: ").toString();
    if (exception instanceof ConfigException
        || exception instanceof UserException
        || exception instanceof DeployException
        || exception instanceof EngineException) {
      commandLine.getErr().println(prefix + exception.getMessage());
    } else {
      commandLine
          .getErr()
          .println(
              prefix
                  + "unexpected "
                  + exception.getClass().getSimpleName()
                  + ": "
                  + exception.getMessage()
                  + " (set PAASTA_DEBUG=1 for details; please report this)");
      if (System.getenv("PAASTA_DEBUG") != null) {
        exception.printStackTrace(commandLine.getErr());
      }
    }
    return EXIT_FAILURE;
  }
}
