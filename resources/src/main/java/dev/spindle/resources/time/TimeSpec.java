package dev.spindle.resources.time;

/** The spec records of the time domain, sealed so {@link TimeResources#ALL} is checked against them. */
public sealed interface TimeSpec permits TimeStatus {}
