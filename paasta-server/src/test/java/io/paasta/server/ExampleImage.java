package io.paasta.server;

/**
 * The shared hello-web image of {@link io.paasta.deploy.testing.ExampleImage} (built and pushed
 * once per test run), under the name the daemon's tests use.
 */
final class ExampleImage extends io.paasta.deploy.testing.ExampleImage {}
