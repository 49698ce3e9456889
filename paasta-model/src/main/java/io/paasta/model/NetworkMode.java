package io.paasta.model;

/** The container network mode ({@code net}). */
public enum NetworkMode {
  BRIDGE,
  HOST,
  NONE
}
