package dev.spindle.platform.network;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Records what a subscription delivers and waits for a matching event, however many others arrive around it. */
final class RecordingListener implements Rtnetlink.Listener {
  final List<LinkEvent> events = new CopyOnWriteArrayList<>();
  final List<NetlinkException> errors = new CopyOnWriteArrayList<>();
  final List<AddressEvent> addresses = new CopyOnWriteArrayList<>();
  final List<RouteEvent> routes = new CopyOnWriteArrayList<>();
  final List<RuleEvent> rules = new CopyOnWriteArrayList<>();

  @Override
  public void onRule(RuleEvent event) {
    rules.add(event);
  }

  RuleEvent awaitRule(RuleEvent.Change change, Predicate<RuleMessage> rule) {
    Predicate<RuleEvent> match = e -> e.change() == change && rule.test(e.rule());
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .until(() -> rules.stream().anyMatch(match));
    return rules.stream().filter(match).findFirst().orElseThrow();
  }

  @Override
  public void onRoute(RouteEvent event) {
    routes.add(event);
  }

  RouteEvent awaitRoute(RouteEvent.Change change, Predicate<RouteMessage> route) {
    Predicate<RouteEvent> match = e -> e.change() == change && route.test(e.route());
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .until(() -> routes.stream().anyMatch(match));
    return routes.stream().filter(match).findFirst().orElseThrow();
  }

  @Override
  public void onAddress(AddressEvent event) {
    addresses.add(event);
  }

  AddressEvent awaitAddress(AddressEvent.Change change, Predicate<AddressMessage> address) {
    Predicate<AddressEvent> match = e -> e.change() == change && address.test(e.address());
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .until(() -> addresses.stream().anyMatch(match));
    return addresses.stream().filter(match).findFirst().orElseThrow();
  }

  @Override
  public void onLink(LinkEvent event) {
    events.add(event);
  }

  @Override
  public void onError(NetlinkException error) {
    errors.add(error);
  }

  LinkEvent await(LinkEvent.Change change, String name, Predicate<LinkMessage> link) {
    Predicate<LinkEvent> match = e -> e.change() == change && e.link().name().equals(name) && link.test(e.link());
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .until(() -> events.stream().anyMatch(match));
    return events.stream().filter(match).findFirst().orElseThrow();
  }

  LinkEvent await(LinkEvent.Change change, String name) {
    return await(change, name, link -> true);
  }

  boolean sawAny(String name) {
    return events.stream().anyMatch(e -> e.link().name().equals(name));
  }
}
