package dev.spindle.resources.runtime;

/** The spec records of the runtime domain, sealed so {@link RuntimeResources#ALL} is checked against them. */
public sealed interface RuntimeSpec permits KernelCmdline, Environment, EnvironmentSpec, OutboundHttpStatus {}
