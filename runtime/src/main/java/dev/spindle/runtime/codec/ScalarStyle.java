package dev.spindle.runtime.codec;

/** The scalar styles go-yaml produces when marshalling (it never chooses folded style on its own). */
enum ScalarStyle {
  PLAIN,
  SINGLE_QUOTED,
  DOUBLE_QUOTED,
  LITERAL
}
