package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A scalar emitted the way go-yaml emits a {@code yaml.Node} built by hand with no tag: plain whatever it looks
 * like, quoted only where plain style cannot carry the text. COSI builds resource metadata this way, so
 * {@code id: 123} and {@code owner:} (empty) print bare where a Go string field would print {@code "123"} and
 * {@code ""}. In JSON it is an ordinary string.
 */
public final class UntaggedScalar extends TextNode {
  private static final long serialVersionUID = 1L;

  public UntaggedScalar(String value) {
    super(value);
  }
}
