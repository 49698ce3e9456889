package io.paasta.deploy.git;

import io.paasta.config.soa.LoadedService;
import io.paasta.deploy.DeployException;
import java.nio.file.Path;

/** {@code generate-deployments}: a service's tags into its deployments.json. */
public final class DeploymentsGenerator {
  private final GitRemoteClient git;
  private final DeploymentsWriter writer;

  public DeploymentsGenerator(GitRemoteClient git, DeploymentsWriter writer) {
    this.git = git;
    this.writer = writer;
  }

  /** What one generation did. */
  public record Result(String service, DeploymentsFile file, DeploymentsWriter.Outcome outcome) {}

  public Result generate(LoadedService loaded, Path serviceDir) {
    String service = loaded.service().name();
    String url =
        loaded
            .service()
            .config()
            .gitUrl()
            .orElseThrow(
                () ->
                    new DeployException(
                        service
                            + "/service.yaml has no git_url - set it to the service's repository"));
    TagIndex tags = new TagIndex(git.listTags(url));
    DeploymentsFile file =
        DeploymentsCalculator.calculate(service, loaded.service().instances(), tags);
    return new Result(service, file, writer.write(serviceDir, DeploymentsJson.document(file)));
  }
}
