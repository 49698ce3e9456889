package io.paasta.deploy.git;

/** A tag of a remote repository and the commit it points at (peeled for annotated tags). */
public record TagRef(String name, String sha) {}
