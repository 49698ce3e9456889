package io.paasta.model;

/** A resource limit for the container, e.g. {@code nofile: {soft: 1024, hard: 2048}}. */
public record Ulimit(long soft, long hard) {}
