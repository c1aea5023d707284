package dev.spindle.platform.network;

/** A live event stream from a port. Closing it stops delivery (idempotently) and releases its socket. */
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
