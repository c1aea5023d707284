package dev.spindle.resources.cel;

/** A CEL expression that does not parse, does not type-check, or is not of the type asked for; the message is CEL's. */
public final class InvalidCelExpressionException extends Exception {
  public InvalidCelExpressionException(String message) {
    super(message);
  }
}
