"""Benchmarks of coophistory and the synthetic histories they run on (see docs/performance.md)."""
