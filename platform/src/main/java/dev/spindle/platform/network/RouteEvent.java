package dev.spindle.platform.network;

import java.util.Objects;

/**
 * A route notification ({@code RTM_NEWROUTE} / {@code RTM_DELROUTE} on {@code RTMGRP_IPV4_ROUTE} and
 * {@code RTMGRP_IPV6_ROUTE}). {@link Change#NEW} covers a new and a replaced route; {@link Change#DELETED} carries the
 * route as it was.
 */
public record RouteEvent(Change change, RouteMessage route) {
  public enum Change { NEW, DELETED }

  public RouteEvent {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(route, "route");
  }
}
