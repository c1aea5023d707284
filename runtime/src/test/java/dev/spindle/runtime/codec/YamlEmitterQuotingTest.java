package dev.spindle.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scalar quoting against go-yaml v4's {@code yaml.Marshal}. Every row was produced by running go-yaml (v4.0.0-rc.6)
 * on the input: as a string value ({@code map[string]string{"k": in}}), as a string key
 * ({@code map[string]string{in: "v"}}) and as an untagged {@code yaml.Node} value, the way COSI builds metadata.
 * Value columns hold what follows {@code k:}.
 */
class YamlEmitterQuotingTest {
  private static Arguments row(String in, String asValue, String asKey, String asUntaggedValue) {
    return Arguments.of(in, asValue, asKey, asUntaggedValue);
  }

  static Stream<Arguments> goYamlRows() {
    return Stream.of(
        row("", " \"\"\n", "\"\": v\n", "\n"),
        row(" ", " ' '\n", "' ': v\n", " ' '\n"),
        row("a b", " a b\n", "a b: v\n", " a b\n"),
        row(" a", " ' a'\n", "' a': v\n", " ' a'\n"),
        row("a ", " 'a '\n", "'a ': v\n", " 'a '\n"),
        row("a: b", " 'a: b'\n", "'a: b': v\n", " 'a: b'\n"),
        row("a:b", " a:b\n", "a:b: v\n", " a:b\n"),
        row("a:", " 'a:'\n", "'a:': v\n", " 'a:'\n"),
        row(":a", " :a\n", ":a: v\n", " :a\n"),
        row("-a", " -a\n", "-a: v\n", " -a\n"),
        row("- a", " '- a'\n", "'- a': v\n", " '- a'\n"),
        row("-", " '-'\n", "'-': v\n", " '-'\n"),
        row("--", " --\n", "--: v\n", " --\n"),
        row("---", " '---'\n", "'---': v\n", " '---'\n"),
        row("--- a", " '--- a'\n", "'--- a': v\n", " '--- a'\n"),
        row("...", " '...'\n", "'...': v\n", " '...'\n"),
        row("....", " '....'\n", "'....': v\n", " '....'\n"),
        row("?", " '?'\n", "'?': v\n", " '?'\n"),
        row("? a", " '? a'\n", "'? a': v\n", " '? a'\n"),
        row("?a", " ?a\n", "?a: v\n", " ?a\n"),
        row("#a", " '#a'\n", "'#a': v\n", " '#a'\n"),
        row("a #b", " 'a #b'\n", "'a #b': v\n", " 'a #b'\n"),
        row("a#b", " a#b\n", "a#b: v\n", " a#b\n"),
        row("a\tb", " \"a\\tb\"\n", "\"a\\tb\": v\n", " \"a\\tb\"\n"),
        row("\t", " \"\\t\"\n", "\"\\t\": v\n", " \"\\t\"\n"),
        row("a\nb", " |-\n    a\n    b\n", "? |-\n    a\n    b\n: v\n", " |-\n    a\n    b\n"),
        row("a\n", " |\n    a\n", "? |\n    a\n: v\n", " |\n    a\n"),
        row("\n", " \"\\n\"\n", "? \"\\n\"\n: v\n", " |+\n\n"),
        row("\n\n", " \"\\n\\n\"\n", "? \"\\n\\n\"\n: v\n", " |+\n\n\n"),
        row("a\n\n", " |+\n    a\n\n", "? |+\n    a\n\n: v\n", " |+\n    a\n\n"),
        row("a\n\n\n", " |+\n    a\n\n\n", "? |+\n    a\n\n\n: v\n", " |+\n    a\n\n\n"),
        row(" a\nb", " |4-\n     a\n    b\n", "? |4-\n     a\n    b\n: v\n", " |4-\n     a\n    b\n"),
        row("a \nb", " \"a \\nb\"\n", "? \"a \\nb\"\n: v\n", " \"a \\nb\"\n"),
        row("a\n b", " |-\n    a\n     b\n", "? |-\n    a\n     b\n: v\n", " |-\n    a\n     b\n"),
        row("x\r\ny", " \"x\\r\\ny\"\n", "? \"x\\r\\ny\"\n: v\n", " \"x\\r\\ny\"\n"),
        row("a\rb", " \"a\\rb\"\n", "? \"a\\rb\"\n: v\n", " \"a\\rb\"\n"),
        row("\u00E9", " \u00E9\n", "\u00E9: v\n", " \u00E9\n"),
        row("\u65E5\u672C", " \u65E5\u672C\n", "\u65E5\u672C: v\n", " \u65E5\u672C\n"),
        row("\uD83D\uDE00", " \"\\U0001F600\"\n", "\"\\U0001F600\": v\n", " \"\\U0001F600\"\n"),
        row("a\uD83D\uDE00b", " \"a\\U0001F600b\"\n", "\"a\\U0001F600b\": v\n", " \"a\\U0001F600b\"\n"),
        row("\u0085", " \"\\N\"\n", "? \"\\N\"\n: v\n", " \"\\N\"\n"),
        row("a\u0085b", " \"a\\Nb\"\n", "? \"a\\Nb\"\n: v\n", " \"a\\Nb\"\n"),
        row("\u00A0", " \u00A0\n", "\u00A0: v\n", " \u00A0\n"),
        row("a\u00A0", " a\u00A0\n", "a\u00A0: v\n", " a\u00A0\n"),
        row("\u2028", " '\u2028'\n", "? '\u2028'\n: v\n", " '\u2028'\n"),
        row("a\u2028b", " 'a\u2028    b'\n", "? 'a\u2028    b'\n: v\n", " 'a\u2028    b'\n"),
        row("\uFEFFa", " \"\\uFEFF\\x61\"\n", "\"\\uFEFF\\x61\": v\n", " \"\\uFEFF\\x61\"\n"),
        row("\u0000", " \"\\0\"\n", "\"\\0\": v\n", " \"\\0\"\n"),
        row("a\u0000b", " \"a\\0b\"\n", "\"a\\0b\": v\n", " \"a\\0b\"\n"),
        row("\u007F", " \"\\x7F\"\n", "\"\\x7F\": v\n", " \"\\x7F\"\n"),
        row("\u001B", " \"\\e\"\n", "\"\\e\": v\n", " \"\\e\"\n"),
        row("\u0007", " \"\\a\"\n", "\"\\a\": v\n", " \"\\a\"\n"),
        row("true", " \"true\"\n", "\"true\": v\n", " true\n"),
        row("True", " \"True\"\n", "\"True\": v\n", " True\n"),
        row("TRUE", " \"TRUE\"\n", "\"TRUE\": v\n", " TRUE\n"),
        row("tRue", " tRue\n", "tRue: v\n", " tRue\n"),
        row("false", " \"false\"\n", "\"false\": v\n", " false\n"),
        row("yes", " 'yes'\n", "'yes': v\n", " yes\n"),
        row("Yes", " 'Yes'\n", "'Yes': v\n", " Yes\n"),
        row("no", " 'no'\n", "'no': v\n", " no\n"),
        row("on", " 'on'\n", "'on': v\n", " on\n"),
        row("off", " 'off'\n", "'off': v\n", " off\n"),
        row("y", " 'y'\n", "'y': v\n", " y\n"),
        row("n", " 'n'\n", "'n': v\n", " n\n"),
        row("Y", " 'Y'\n", "'Y': v\n", " Y\n"),
        row("~", " \"~\"\n", "\"~\": v\n", " ~\n"),
        row("null", " \"null\"\n", "\"null\": v\n", " null\n"),
        row("Null", " \"Null\"\n", "\"Null\": v\n", " Null\n"),
        row("NULL", " \"NULL\"\n", "\"NULL\": v\n", " NULL\n"),
        row("nULL", " nULL\n", "nULL: v\n", " nULL\n"),
        row("<<", " '<<'\n", "'<<': v\n", " <<\n"),
        row("<", " <\n", "<: v\n", " <\n"),
        row("0", " \"0\"\n", "\"0\": v\n", " 0\n"),
        row("00", " \"00\"\n", "\"00\": v\n", " 00\n"),
        row("08", " \"08\"\n", "\"08\": v\n", " 08\n"),
        row("0x1F", " \"0x1F\"\n", "\"0x1F\": v\n", " 0x1F\n"),
        row("0X1f", " \"0X1f\"\n", "\"0X1f\": v\n", " 0X1f\n"),
        row("0o17", " \"0o17\"\n", "\"0o17\": v\n", " 0o17\n"),
        row("0b101", " \"0b101\"\n", "\"0b101\": v\n", " 0b101\n"),
        row("0b2", " 0b2\n", "0b2: v\n", " 0b2\n"),
        row("+1", " \"+1\"\n", "\"+1\": v\n", " +1\n"),
        row("-1", " \"-1\"\n", "\"-1\": v\n", " -1\n"),
        row("+", " +\n", "+: v\n", " +\n"),
        row("1_000", " \"1_000\"\n", "\"1_000\": v\n", " 1_000\n"),
        row("_1", " _1\n", "_1: v\n", " _1\n"),
        row("1__0", " \"1__0\"\n", "\"1__0\": v\n", " 1__0\n"),
        row("1e3", " \"1e3\"\n", "\"1e3\": v\n", " 1e3\n"),
        row("1E3", " \"1E3\"\n", "\"1E3\": v\n", " 1E3\n"),
        row(".5", " \".5\"\n", "\".5\": v\n", " .5\n"),
        row("5.", " \"5.\"\n", "\"5.\": v\n", " 5.\n"),
        row("1.5", " \"1.5\"\n", "\"1.5\": v\n", " 1.5\n"),
        row("1.0.0", " 1.0.0\n", "1.0.0: v\n", " 1.0.0\n"),
        row(".inf", " \".inf\"\n", "\".inf\": v\n", " .inf\n"),
        row("-.inf", " \"-.inf\"\n", "\"-.inf\": v\n", " -.inf\n"),
        row("+.inf", " \"+.inf\"\n", "\"+.inf\": v\n", " +.inf\n"),
        row(".nan", " \".nan\"\n", "\".nan\": v\n", " .nan\n"),
        row(".NaN", " \".NaN\"\n", "\".NaN\": v\n", " .NaN\n"),
        row("-0", " \"-0\"\n", "\"-0\": v\n", " -0\n"),
        row("-0.0", " \"-0.0\"\n", "\"-0.0\": v\n", " -0.0\n"),
        row("+0", " \"+0\"\n", "\"+0\": v\n", " +0\n"),
        row("123", " \"123\"\n", "\"123\": v\n", " 123\n"),
        row("12:30", " '12:30'\n", "'12:30': v\n", " 12:30\n"),
        row("12:30:45", " '12:30:45'\n", "'12:30:45': v\n", " 12:30:45\n"),
        row("190:20:30", " '190:20:30'\n", "'190:20:30': v\n", " 190:20:30\n"),
        row("1:2", " '1:2'\n", "'1:2': v\n", " 1:2\n"),
        row("1:60", " 1:60\n", "1:60: v\n", " 1:60\n"),
        row("01:23:45:67:89:ab", " 01:23:45:67:89:ab\n", "01:23:45:67:89:ab: v\n", " 01:23:45:67:89:ab\n"),
        row("0000:00:00.0", " '0000:00:00.0'\n", "'0000:00:00.0': v\n", " 0000:00:00.0\n"),
        row("00:11:22", " '00:11:22'\n", "'00:11:22': v\n", " 00:11:22\n"),
        row("2024-01-02", " \"2024-01-02\"\n", "\"2024-01-02\": v\n", " 2024-01-02\n"),
        row("2024-1-2", " \"2024-1-2\"\n", "\"2024-1-2\": v\n", " 2024-1-2\n"),
        row("2024-01-02T03:04:05Z", " \"2024-01-02T03:04:05Z\"\n", "\"2024-01-02T03:04:05Z\": v\n", " 2024-01-02T03:04:05Z\n"),
        row("2024-01-02T03:04:05", " 2024-01-02T03:04:05\n", "2024-01-02T03:04:05: v\n", " 2024-01-02T03:04:05\n"),
        row("2024-01-02 03:04:05", " \"2024-01-02 03:04:05\"\n", "\"2024-01-02 03:04:05\": v\n", " 2024-01-02 03:04:05\n"),
        row("2024-13-02", " 2024-13-02\n", "2024-13-02: v\n", " 2024-13-02\n"),
        row("2024-02-30", " 2024-02-30\n", "2024-02-30: v\n", " 2024-02-30\n"),
        row("2024-02-29", " \"2024-02-29\"\n", "\"2024-02-29\": v\n", " 2024-02-29\n"),
        row("2023-02-29", " 2023-02-29\n", "2023-02-29: v\n", " 2023-02-29\n"),
        row("2024-01-02T25:00:00Z", " 2024-01-02T25:00:00Z\n", "2024-01-02T25:00:00Z: v\n", " 2024-01-02T25:00:00Z\n"),
        row("2024-01-02T24:00:00Z", " 2024-01-02T24:00:00Z\n", "2024-01-02T24:00:00Z: v\n", " 2024-01-02T24:00:00Z\n"),
        row("2024-01-02t03:04:05+01:00", " \"2024-01-02t03:04:05+01:00\"\n", "\"2024-01-02t03:04:05+01:00\": v\n", " 2024-01-02t03:04:05+01:00\n"),
        row("2024-01-02T03:04:05.123Z", " \"2024-01-02T03:04:05.123Z\"\n", "\"2024-01-02T03:04:05.123Z\": v\n", " 2024-01-02T03:04:05.123Z\n"),
        row("2024-01-02T03:04:05,5Z", " \"2024-01-02T03:04:05,5Z\"\n", "\"2024-01-02T03:04:05,5Z\": v\n", " 2024-01-02T03:04:05,5Z\n"),
        row("2024-01-02  03:04:05", " \"2024-01-02  03:04:05\"\n", "\"2024-01-02  03:04:05\": v\n", " 2024-01-02  03:04:05\n"),
        row("2024-01-02 03:04:05.5", " \"2024-01-02 03:04:05.5\"\n", "\"2024-01-02 03:04:05.5\": v\n", " 2024-01-02 03:04:05.5\n"),
        row("2024-01-02T03:04:05+24:60", " \"2024-01-02T03:04:05+24:60\"\n", "\"2024-01-02T03:04:05+24:60\": v\n", " 2024-01-02T03:04:05+24:60\n"),
        row("20240-01-02", " 20240-01-02\n", "20240-01-02: v\n", " 20240-01-02\n"),
        row("9223372036854775807", " \"9223372036854775807\"\n", "\"9223372036854775807\": v\n", " 9223372036854775807\n"),
        row("9223372036854775808", " \"9223372036854775808\"\n", "\"9223372036854775808\": v\n", " 9223372036854775808\n"),
        row("18446744073709551615", " \"18446744073709551615\"\n", "\"18446744073709551615\": v\n", " 18446744073709551615\n"),
        row("18446744073709551616", " \"18446744073709551616\"\n", "\"18446744073709551616\": v\n", " 18446744073709551616\n"),
        row("-9223372036854775808", " \"-9223372036854775808\"\n", "\"-9223372036854775808\": v\n", " -9223372036854775808\n"),
        row("-9223372036854775809", " \"-9223372036854775809\"\n", "\"-9223372036854775809\": v\n", " -9223372036854775809\n"),
        row("+9223372036854775808", " \"+9223372036854775808\"\n", "\"+9223372036854775808\": v\n", " +9223372036854775808\n"),
        row("0xFFFFFFFFFFFFFFFF", " \"0xFFFFFFFFFFFFFFFF\"\n", "\"0xFFFFFFFFFFFFFFFF\": v\n", " 0xFFFFFFFFFFFFFFFF\n"),
        row("0x10000000000000000", " 0x10000000000000000\n", "0x10000000000000000: v\n", " 0x10000000000000000\n"),
        row("-0x8000000000000000", " \"-0x8000000000000000\"\n", "\"-0x8000000000000000\": v\n", " -0x8000000000000000\n"),
        row("1e400", " 1e400\n", "1e400: v\n", " 1e400\n"),
        row(".1e999", " .1e999\n", ".1e999: v\n", " .1e999\n"),
        row("0x1p3", " 0x1p3\n", "0x1p3: v\n", " 0x1p3\n"),
        row("0x", " 0x\n", "0x: v\n", " 0x\n"),
        row("0o", " 0o\n", "0o: v\n", " 0o\n"),
        row("'quoted'", " '''quoted'''\n", "'''quoted''': v\n", " '''quoted'''\n"),
        row("\"dq\"", " '\"dq\"'\n", "'\"dq\"': v\n", " '\"dq\"'\n"),
        row("a'b", " a'b\n", "a'b: v\n", " a'b\n"),
        row("a\"b", " a\"b\n", "a\"b: v\n", " a\"b\n"),
        row("a\\b", " a\\b\n", "a\\b: v\n", " a\\b\n"),
        row("[a]", " '[a]'\n", "'[a]': v\n", " '[a]'\n"),
        row("{a}", " '{a}'\n", "'{a}': v\n", " '{a}'\n"),
        row("a,b", " a,b\n", "a,b: v\n", " a,b\n"),
        row("a]", " a]\n", "a]: v\n", " a]\n"),
        row("*a", " '*a'\n", "'*a': v\n", " '*a'\n"),
        row("&a", " '&a'\n", "'&a': v\n", " '&a'\n"),
        row("!a", " '!a'\n", "'!a': v\n", " '!a'\n"),
        row("%a", " '%a'\n", "'%a': v\n", " '%a'\n"),
        row("@a", " '@a'\n", "'@a': v\n", " '@a'\n"),
        row("`a", " '`a'\n", "'`a': v\n", " '`a'\n"),
        row("|a", " '|a'\n", "'|a': v\n", " '|a'\n"),
        row(">a", " '>a'\n", "'>a': v\n", " '>a'\n"),
        row("a|", " a|\n", "a|: v\n", " a|\n"),
        row("a>", " a>\n", "a>: v\n", " a>\n"),
        row("a{", " a{\n", "a{: v\n", " a{\n"),
        row("a}", " a}\n", "a}: v\n", " a}\n"),
        row("a b ", " 'a b '\n", "'a b ': v\n", " 'a b '\n"),
        row("a  b", " a  b\n", "a  b: v\n", " a  b\n"),
        row("\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9", " \u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\n", "? \u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\n: v\n", " \u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\n"),
        row("\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9", " \u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\n", "\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9: v\n", " \u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\n"),
        row("key with: colon", " 'key with: colon'\n", "'key with: colon': v\n", " 'key with: colon'\n"),
        row("http://x.y/z?a=b#c", " http://x.y/z?a=b#c\n", "http://x.y/z?a=b#c: v\n", " http://x.y/z?a=b#c\n"),
        row("a: b\nc", " |-\n    a: b\n    c\n", "? |-\n    a: b\n    c\n: v\n", " |-\n    a: b\n    c\n"),
        row("line1\nline2\n", " |\n    line1\n    line2\n", "? |\n    line1\n    line2\n: v\n", " |\n    line1\n    line2\n"),
        row("  indented\nx\n", " |4\n      indented\n    x\n", "? |4\n      indented\n    x\n: v\n", " |4\n      indented\n    x\n"),
        row("x\n  y\n", " |\n    x\n      y\n", "? |\n    x\n      y\n: v\n", " |\n    x\n      y\n"),
        row("tab\there\n", " |\n    tab\there\n", "? |\n    tab\there\n: v\n", " |\n    tab\there\n"),
        row("trail \nx", " \"trail \\nx\"\n", "? \"trail \\nx\"\n: v\n", " \"trail \\nx\"\n"),
        row("a\n\nb", " |-\n    a\n\n    b\n", "? |-\n    a\n\n    b\n: v\n", " |-\n    a\n\n    b\n"),
        row("-\n", " |\n    -\n", "? |\n    -\n: v\n", " |\n    -\n"),
        row("=", " =\n", "=: v\n", " =\n"),
        row("1.0e+06", " \"1.0e+06\"\n", "\"1.0e+06\": v\n", " 1.0e+06\n"),
        row("1e+06", " \"1e+06\"\n", "\"1e+06\": v\n", " 1e+06\n"),
        row("Infinity", " Infinity\n", "Infinity: v\n", " Infinity\n"),
        row("NaN", " NaN\n", "NaN: v\n", " NaN\n"),
        row("inf", " inf\n", "inf: v\n", " inf\n"),
        row("0.", " \"0.\"\n", "\"0.\": v\n", " 0.\n"),
        row("-.5", " \"-.5\"\n", "\"-.5\": v\n", " -.5\n"),
        row("+.5", " \"+.5\"\n", "\"+.5\": v\n", " +.5\n"),
        row("0x_1F", " \"0x_1F\"\n", "\"0x_1F\": v\n", " 0x_1F\n"),
        row("1_0.5", " \"1_0.5\"\n", "\"1_0.5\": v\n", " 1_0.5\n"),
        row("1:2:3.5", " '1:2:3.5'\n", "'1:2:3.5': v\n", " 1:2:3.5\n"),
        row("-1:20", " '-1:20'\n", "'-1:20': v\n", " -1:20\n"),
        row("+1:20", " '+1:20'\n", "'+1:20': v\n", " +1:20\n"),
        row("1_2:30", " '1_2:30'\n", "'1_2:30': v\n", " 1_2:30\n")    );
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("goYamlRows")
  void stringValue(String in, String asValue, String asKey, String asUntaggedValue) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode().put("k", in);
    assertThat(YamlEmitter.emit(doc)).isEqualTo("k:" + asValue);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("goYamlRows")
  void stringKey(String in, String asValue, String asKey, String asUntaggedValue) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode().put(in, "v");
    assertThat(YamlEmitter.emit(doc)).isEqualTo(asKey);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("goYamlRows")
  void untaggedValue(String in, String asValue, String asKey, String asUntaggedValue) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode().set("k", new UntaggedScalar(in));
    assertThat(YamlEmitter.emit(doc)).isEqualTo("k:" + asUntaggedValue);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("goYamlRows")
  void quotedValuesReadBackUnchanged(String in, String asValue, String asKey, String asUntaggedValue) {
    assertThat(YamlReader.typed(YamlReader.read("k:" + asValue)).get("k").asText()).isEqualTo(in);
  }
}
