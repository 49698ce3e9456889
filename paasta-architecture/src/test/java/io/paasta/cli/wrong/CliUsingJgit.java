package io.paasta.cli.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: JGit outside paasta-deploy. */
public class CliUsingJgit {
  org.eclipse.jgit.api.Git git;
}
