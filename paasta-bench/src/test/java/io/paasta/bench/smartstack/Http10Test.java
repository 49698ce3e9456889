package io.paasta.bench.smartstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Http10Test {
  @Test
  void aResponseGivesItsStatusAndStrippedBody() {
    Http10.Reply reply = Http10.parse("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n31002\n");

    assertThat(reply.ok()).isTrue();
    assertThat(reply.body()).isEqualTo("31002");
  }

  @Test
  void anErrorStatusIsNotOk() {
    Http10.Reply reply = Http10.parse("HTTP/1.1 503 Service Unavailable\r\n\r\nno server");

    assertThat(reply.ok()).isFalse();
    assertThat(reply.describe()).isEqualTo("HTTP 503");
  }

  @Test
  void noResponseSaysSo() {
    assertThat(Http10.parse("").describe()).isEqualTo("empty response");
    assertThat(Http10.parse("garbage").status()).isZero();
  }

  @Test
  void aClosedPortIsAConnectionError() {
    int port = io.paasta.discovery.haproxy.LoopbackPorts.freePort();

    Http10.Reply reply = Http10.get(port, "/", 200, 200);

    assertThat(reply.status()).isZero();
    assertThat(reply.error()).contains("ConnectException");
  }
}
