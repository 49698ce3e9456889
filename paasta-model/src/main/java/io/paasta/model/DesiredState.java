package io.paasta.model;

/** Whether an instance should run; set by start/stop control tags. */
public enum DesiredState {
  START,
  STOP
}
