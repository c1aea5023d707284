package dev.spindle.platform.network;

import java.util.Objects;

/**
 * A link notification ({@code RTM_NEWLINK} / {@code RTM_DELLINK} on {@code RTMGRP_LINK}) with the link as the kernel
 * describes it after the change ({@link Change#DELETED}: as it was last). The kernel sends {@code RTM_NEWLINK} for
 * both new and changed links; adapters tell them apart by the indexes they have seen. Consumers that resync from a
 * dump on every event (the usual case) can ignore the distinction.
 */
public record LinkEvent(Change change, LinkMessage link) {
  public enum Change { NEW, CHANGED, DELETED }

  public LinkEvent {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(link, "link");
  }
}
