package io.paasta.model;

/** The HAProxy mode of a SmartStack namespace. */
public enum ProxyMode {
  HTTP,
  TCP,
  HTTPS
}
