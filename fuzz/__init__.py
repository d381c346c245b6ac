"""Fuzzing harnesses for coophistory (see docs/reliability.md)."""
