package dev.spindle.platform.network;

import java.util.Objects;

/**
 * An address notification ({@code RTM_NEWADDR} / {@code RTM_DELADDR} on {@code RTMGRP_IPV4_IFADDR} and
 * {@code RTMGRP_IPV6_IFADDR}). The kernel sends {@code RTM_NEWADDR} both for a new address and for a changed one (new
 * lifetimes, DAD finished), so {@link Change#NEW} means "exists now, as described"; {@link Change#DELETED} carries the
 * address as it was last.
 */
public record AddressEvent(Change change, AddressMessage address) {
  public enum Change { NEW, DELETED }

  public AddressEvent {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(address, "address");
  }
}
