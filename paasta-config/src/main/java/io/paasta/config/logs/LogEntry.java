package io.paasta.config.logs;

/** A stored line as read: the parsed line and its text as stored (what raw mode prints). */
public record LogEntry(LogLine line, String raw) {}
