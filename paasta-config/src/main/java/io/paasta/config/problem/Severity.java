package io.paasta.config.problem;

/** Errors make {@code paasta validate} fail; warnings are shown but do not. */
public enum Severity {
  ERROR,
  WARNING
}
