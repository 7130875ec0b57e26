package org.hearth.infra.demo;

/** The platform answered something the loader cannot go on from; the message names the call. */
final class DemoFailure extends RuntimeException {

    DemoFailure(String message) {
        super(message);
    }
}
