/**
 * The Kubernetes backend: a cluster's long-running instances and jobs as Kubernetes objects
 * (SPEC.md section 14). The renderer (instance config to objects) is pure code that the CLI's
 * {@code paasta render} uses too; applying and observing go through the fabric8 client, which no
 * other module uses.
 */
package io.paasta.backend.kubernetes;
