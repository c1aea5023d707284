package dev.spindle.runtime.controller;

/** A controller read or wrote something it did not declare; a programming error, reported with both names. */
public final class UndeclaredAccessException extends RuntimeException {
  public UndeclaredAccessException(String message) {
    super(message);
  }
}
