package dev.spindle.platform.network;

import java.util.Objects;

/**
 * A policy routing rule notification ({@code RTM_NEWRULE} / {@code RTM_DELRULE} on {@code RTNLGRP_IPV4_RULE} and
 * {@code RTNLGRP_IPV6_RULE}), carrying the rule as the kernel keeps it (its priority and mask filled in).
 */
public record RuleEvent(Change change, RuleMessage rule) {
  public enum Change { NEW, DELETED }

  public RuleEvent {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(rule, "rule");
  }
}
