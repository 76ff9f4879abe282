package io.breakpoint.bench; class Placeholder {}
